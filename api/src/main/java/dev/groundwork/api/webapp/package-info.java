/** Serves the single-page web app: deep links to its screens answer with its index page. */
package dev.groundwork.api.webapp;
