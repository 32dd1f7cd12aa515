/** The grounded answer stream: retrieve, generate, check citations, stream it all as server-sent events. */
package dev.groundwork.api.answer;
