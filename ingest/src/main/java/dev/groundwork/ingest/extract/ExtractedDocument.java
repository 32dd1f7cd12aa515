package dev.groundwork.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The clean text of one fetched document and its structure.
 *
 * @param url       the document's (original, not mirror-rewritten) URL
 * @param title     the document's title (HTML {@code <title>}/first heading, PDF title, …), or {@code null}
 * @param mediaType what it was extracted from: {@code text/html}, {@code application/pdf}, {@code text/markdown},
 *                  {@code text/plain}
 * @param blocks    the blocks in document order; their offsets index into {@link #text()}
 * @param pageCount pages of a PDF, 0 for other documents
 */
public record ExtractedDocument(String url, String title, String mediaType, List<Block> blocks, int pageCount) {

    /** Separator between blocks in {@link #text()}. */
    public static final String BLOCK_SEPARATOR = "\n\n";

    public ExtractedDocument {
        blocks = List.copyOf(blocks);
    }

    /** The blocks' texts joined by {@link #BLOCK_SEPARATOR}; block offsets point into this string. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (!text.isEmpty()) {
                text.append(BLOCK_SEPARATOR);
            }
            text.append(block.text());
        }
        return text.toString();
    }

    /**
     * Builds a document from blocks given without offsets, computing each block's span in {@link #text()}; marks,
     * relative to their block, are kept as they are. Blank blocks are dropped.
     */
    public static ExtractedDocument of(String url, String title, String mediaType, List<Block> blocks, int pageCount) {
        List<Block> placed = new ArrayList<>(blocks.size());
        int offset = 0;
        for (Block block : blocks) {
            if (block.text() == null || block.text().isBlank()) {
                continue;
            }
            if (!placed.isEmpty()) {
                offset += BLOCK_SEPARATOR.length();
            }
            int end = offset + block.text().length();
            placed.add(new Block(block.kind(), block.level(), block.text(), block.page(), offset, end, block.marks()));
            offset = end;
        }
        return new ExtractedDocument(url, title, mediaType, placed, pageCount);
    }
}
