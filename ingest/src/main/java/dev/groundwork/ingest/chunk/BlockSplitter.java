package dev.groundwork.ingest.chunk;

import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a block into spans of at most {@code maxTokens}: the whole block when it fits, otherwise its lines (code,
 * tables: one row per line), or its sentences (prose), then words, and as a last resort characters (a minified line, a
 * data URI). Spans never include leading or trailing line breaks; lines keep their indentation. Stateless.
 */
final class BlockSplitter {

    private enum Level { LINES, SENTENCES, WORDS, CHARACTERS }

    private static final List<Level> BY_LINE = List.of(Level.LINES, Level.WORDS, Level.CHARACTERS);
    private static final List<Level> BY_SENTENCE = List.of(Level.SENTENCES, Level.WORDS, Level.CHARACTERS);

    private final TokenCounter counter;
    private final int targetTokens;
    private final int maxTokens;

    BlockSplitter(TokenCounter counter, ChunkProperties properties) {
        this.counter = counter;
        this.targetTokens = properties.targetTokens();
        this.maxTokens = properties.maxTokens();
    }

    /** Spans of {@code block} in document order; {@code text} is the document text its offsets point into. */
    List<Span> spans(String text, Block block) {
        List<Level> levels = block.kind() == BlockKind.CODE || block.kind() == BlockKind.TABLE ? BY_LINE : BY_SENTENCE;
        List<Span> spans = new ArrayList<>();
        split(text, block.start(), block.end(), levels, 0, block, spans);
        return spans;
    }

    private void split(String text, int start, int end, List<Level> levels, int level, Block block, List<Span> out) {
        int tokens = counter.count(text.substring(start, end));
        if (tokens <= maxTokens) {
            if (tokens > 0) {
                out.add(new Span(start, end, tokens, block));
            }
            return;
        }
        if (levels.get(level) == Level.CHARACTERS) {
            splitCharacters(text, start, end, block, out);
            return;
        }
        for (int[] part : parts(text, start, end, levels.get(level))) {
            split(text, part[0], part[1], levels, level + 1, block, out);
        }
    }

    private static List<int[]> parts(String text, int start, int end, Level level) {
        return switch (level) {
            case LINES -> lines(text, start, end);
            case SENTENCES -> sentences(text, start, end);
            case WORDS -> words(text, start, end);
            case CHARACTERS -> throw new IllegalArgumentException("characters are split by size");
        };
    }

    /** Non-blank lines without their line break and trailing whitespace; indentation kept. */
    private static List<int[]> lines(String text, int start, int end) {
        List<int[]> lines = new ArrayList<>();
        int lineStart = start;
        while (lineStart < end) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            int trimmedEnd = lineEnd;
            while (trimmedEnd > lineStart && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            if (trimmedEnd > lineStart) {
                lines.add(new int[] {lineStart, trimmedEnd});
            }
            lineStart = lineEnd + 1;
        }
        return lines;
    }

    private static List<int[]> sentences(String text, int start, int end) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text.substring(start, end));
        List<int[]> parts = new ArrayList<>();
        for (int from = sentences.first(), to = sentences.next(); to != BreakIterator.DONE;
                from = to, to = sentences.next()) {
            addTrimmed(text, start + from, start + to, parts);
        }
        return parts;
    }

    private static List<int[]> words(String text, int start, int end) {
        List<int[]> parts = new ArrayList<>();
        int i = start;
        while (i < end) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                parts.add(new int[] {wordStart, i});
            }
        }
        return parts;
    }

    /** Longest prefixes of at most {@code targetTokens}, found by bisection; never splits a surrogate pair. */
    private void splitCharacters(String text, int start, int end, Block block, List<Span> out) {
        int from = start;
        while (from < end) {
            int low = from + 1;
            int high = end;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (counter.count(text.substring(from, mid)) <= targetTokens) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            int to = low;
            if (to < end && Character.isLowSurrogate(text.charAt(to)) && to - 1 > from) {
                to--;
            }
            out.add(new Span(from, to, counter.count(text.substring(from, to)), block));
            from = to;
        }
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> parts) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            parts.add(new int[] {start, end});
        }
    }
}
