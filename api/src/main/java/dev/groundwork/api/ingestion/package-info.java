/** Ingestion over HTTP: background workers, the state of a roadmap's ingestion, and its progress as SSE. */
package dev.groundwork.api.ingestion;
