package dev.groundwork.ingest.chunk;

import dev.groundwork.ingest.extract.Block;

/**
 * The smallest piece the chunker packs: a whole block, or a part of a block too long for one chunk.
 *
 * @param start  offset into {@code ExtractedDocument.text()}
 * @param end    offset just after the span
 * @param tokens tokens of the span's text
 * @param block  the block it comes from (whole, or the one it is a piece of)
 */
record Span(int start, int end, int tokens, Block block) {

    /** PDF page of the span's block, or {@code null}. */
    Integer page() {
        return block.page();
    }
}
