/** Bytes of a fetched or uploaded document → clean text with its structure: HTML, PDF, Markdown, plain text, DOCX. */
package dev.groundwork.ingest.extract;
