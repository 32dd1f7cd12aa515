/** Extracted documents → retrieval-sized chunks that follow the document's headings and fit the embedding window. */
package dev.groundwork.ingest.chunk;
