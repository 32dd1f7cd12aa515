package dev.groundwork.ingest.chunk;

/**
 * The smallest piece the chunker packs: a whole block, or a part of a block too long for one chunk.
 *
 * @param start  offset into {@code ExtractedDocument.text()}
 * @param end    offset just after the span
 * @param tokens tokens of the span's text
 * @param page   PDF page of the block it comes from, or {@code null}
 */
record Span(int start, int end, int tokens, Integer page) {
}
