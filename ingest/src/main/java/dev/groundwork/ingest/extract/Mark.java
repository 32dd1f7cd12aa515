package dev.groundwork.ingest.extract;

/**
 * An inline span of a block's text that the source set apart: a bold term, an emphasised phrase, inline code, a
 * link's text. Marks of different kinds may nest or overlap (a link inside bold text); they never cover only
 * whitespace and never start or end with it.
 *
 * @param kind  what the source made of the span
 * @param start offset of the span's first character in the text of the block that holds it
 * @param end   offset just after its last character; greater than {@code start}
 */
public record Mark(MarkKind kind, int start, int end) {

    public Mark {
        if (kind == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("A mark needs a kind and 0 <= start < end, got " + kind + " [" + start
                    + ", " + end + ")");
        }
    }
}
