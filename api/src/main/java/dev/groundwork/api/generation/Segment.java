package dev.groundwork.api.generation;

import java.util.List;

/**
 * One structural block of a passage: its kind, list nesting level, span in the passage's text and inline marks
 * (spans in the same text).
 */
record Segment(SegmentKind kind, int level, int start, int end, List<Mark> marks) {

    Segment {
        marks = marks == null ? List.of() : List.copyOf(marks);
    }
}

/** The kinds of block a passage has. */
enum SegmentKind {
    PARAGRAPH, LIST_ITEM, CODE, TABLE, QUOTE
}

/** An inline span: bold, emphasis, code or a link. */
record Mark(MarkKind kind, int start, int end) {
}

/** The kinds of inline span. */
enum MarkKind {
    STRONG, EMPHASIS, CODE, LINK
}
