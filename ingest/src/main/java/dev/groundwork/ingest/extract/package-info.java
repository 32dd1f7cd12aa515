/** Bytes of a fetched document → clean text with its structure: HTML, PDF, Markdown, plain text. */
package dev.groundwork.ingest.extract;
