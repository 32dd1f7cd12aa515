/** The Groundwork web application; threading rules are in {@code api/THREADING.md}. */
package dev.groundwork.api;
