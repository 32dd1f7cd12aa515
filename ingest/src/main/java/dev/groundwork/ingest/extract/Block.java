package dev.groundwork.ingest.extract;

import java.util.List;

/**
 * One block of extracted text, in document order.
 *
 * @param kind  what the block is
 * @param level heading level 1–6 for {@link BlockKind#HEADING}, list nesting depth (1 = top) for
 *              {@link BlockKind#LIST_ITEM}, otherwise 0
 * @param text  the block's text: code keeps its line breaks and indentation; a table is one row per line with
 *              cells separated by {@code " | "}; other blocks have whitespace folded
 * @param page  1-based PDF page the block comes from, or {@code null} for documents without pages
 * @param start offset of the block's first character in {@link ExtractedDocument#text()}
 * @param end   offset just after the block's last character in {@link ExtractedDocument#text()}
 * @param marks inline marks (bold, emphasis, code, links), offsets into {@code text}, ordered by start (the longer
 *              first when two start together); empty where the source has none or the extractor keeps none
 *              (headings, code, tables, PDF and plain text)
 */
public record Block(BlockKind kind, int level, String text, Integer page, int start, int end, List<Mark> marks) {

    public Block {
        marks = marks == null ? List.of() : List.copyOf(marks);
        for (Mark mark : marks) {
            if (text == null || mark.end() > text.length()) {
                throw new IllegalArgumentException("Mark " + mark + " lies outside the block's text");
            }
        }
    }

    /** A block without marks. */
    public Block(BlockKind kind, int level, String text, Integer page, int start, int end) {
        this(kind, level, text, page, start, end, List.of());
    }
}
