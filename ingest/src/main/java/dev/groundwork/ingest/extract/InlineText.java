package dev.groundwork.ingest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inline text of the block being written, with the marks opened and closed around parts of it. Text arrives raw
 * (source whitespace and all); {@link #take()} folds it as {@link Whitespace#fold(CharSequence)} does and moves every
 * mark onto the folded text, trimmed to its first and last non-space character. A mark still open when the block is
 * taken (bold text that runs across a paragraph break) is cut there and goes on at the start of the next block. One
 * instance per extraction; not thread-safe.
 */
final class InlineText {

    /** Sorted by start, the longer (outer) mark first when two start together. */
    private static final Comparator<Mark> ORDER = Comparator.comparingInt(Mark::start)
            .thenComparing(Comparator.comparingInt(Mark::end).reversed())
            .thenComparing(Mark::kind);

    /** A mark over the raw text; {@code end} is -1 while open. */
    static final class Open {
        private final MarkKind kind;
        private int start;
        private int end = -1;

        private Open(MarkKind kind, int start) {
            this.kind = kind;
            this.start = start;
        }
    }

    /** A block's folded text and its marks. */
    record Folded(String text, List<Mark> marks) {
    }

    private final StringBuilder raw = new StringBuilder();
    private final List<Open> marks = new ArrayList<>();

    void append(CharSequence text) {
        raw.append(text);
    }

    void append(char c) {
        raw.append(c);
    }

    boolean isEmpty() {
        return raw.isEmpty();
    }

    /** Opens a mark at the current end of the text; close it with {@link #close(Open)} once its content is in. */
    Open open(MarkKind kind) {
        Open mark = new Open(kind, raw.length());
        marks.add(mark);
        return mark;
    }

    void close(Open mark) {
        mark.end = raw.length();
    }

    /** The gathered text, folded, with its marks; empties this for the next block (open marks go on at its start). */
    Folded take() {
        int[] positions = new int[raw.length()];
        String text = Whitespace.fold(raw, positions);
        List<Mark> folded = new ArrayList<>();
        List<Open> stillOpen = new ArrayList<>();
        for (Open mark : marks) {
            int end = mark.end < 0 ? raw.length() : mark.end;
            Mark placed = place(mark.kind, mark.start, end, positions);
            if (placed != null && !folded.contains(placed)) {
                folded.add(placed);
            }
            if (mark.end < 0) {
                mark.start = 0;
                stillOpen.add(mark);
            }
        }
        folded.sort(ORDER);
        raw.setLength(0);
        marks.clear();
        marks.addAll(stillOpen);
        return new Folded(text, folded);
    }

    /** The mark over raw {@code [start, end)} on the folded text, or {@code null} when it covers only whitespace. */
    private static Mark place(MarkKind kind, int start, int end, int[] positions) {
        int first = start;
        while (first < end && positions[first] < 0) {
            first++;
        }
        int last = end - 1;
        while (last >= first && positions[last] < 0) {
            last--;
        }
        return first > last ? null : new Mark(kind, positions[first], positions[last] + 1);
    }
}
