package dev.groundwork.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups a page's lines into paragraphs. A paragraph ends after a line clearly shorter than the page's usual line
 * (the last line of a paragraph, a heading, a caption), before a line indented against the previous one in the same
 * column, and at a vertical gap clearly larger than the usual line spacing. A word hyphenated across lines is
 * rejoined. Pure functions; thread-safe.
 */
final class PdfParagraphs {

    private static final float SHORT_LINE = 0.8f;
    private static final float WIDE_GAP = 1.6f;
    private static final float INDENT = 4f;
    private static final float SAME_COLUMN = 40f;

    private PdfParagraphs() {
    }

    static List<String> group(List<PdfLineCollector.Line> lines) {
        List<String> paragraphs = new ArrayList<>();
        if (lines.isEmpty()) {
            return paragraphs;
        }
        float usualWidth = median(lines.stream().map(PdfLineCollector.Line::width).toList());
        float usualGap = usualGap(lines);
        StringBuilder paragraph = new StringBuilder();
        PdfLineCollector.Line previous = null;
        for (PdfLineCollector.Line line : lines) {
            if (previous != null && breaksBetween(previous, line, usualWidth, usualGap)) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
            append(paragraph, line.text());
            previous = line;
        }
        paragraphs.add(paragraph.toString());
        return paragraphs;
    }

    private static boolean breaksBetween(PdfLineCollector.Line previous, PdfLineCollector.Line line, float usualWidth,
            float usualGap) {
        boolean hyphenated = previous.text().endsWith("-");
        if (!hyphenated && previous.width() < SHORT_LINE * usualWidth) {
            return true;
        }
        float gap = line.top() - previous.top();
        boolean sameColumn = Math.abs(line.left() - previous.left()) < SAME_COLUMN;
        if (gap > 0 && usualGap > 0 && gap > WIDE_GAP * usualGap) {
            return true;
        }
        return !hyphenated && gap > 0 && sameColumn && line.left() > previous.left() + INDENT;
    }

    /** Appends a line, joining "consen-" + "sus" across the break. */
    private static void append(StringBuilder paragraph, String line) {
        int last = paragraph.length() - 1;
        if (last > 0 && paragraph.charAt(last) == '-' && Character.isLetter(paragraph.charAt(last - 1))
                && Character.isLowerCase(line.charAt(0))) {
            paragraph.setLength(last);
        } else if (!paragraph.isEmpty()) {
            paragraph.append(' ');
        }
        paragraph.append(line);
    }

    private static float usualGap(List<PdfLineCollector.Line> lines) {
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            float gap = lines.get(i).top() - lines.get(i - 1).top();
            if (gap > 0) {
                gaps.add(gap);
            }
        }
        return gaps.isEmpty() ? 0 : median(gaps);
    }

    private static float median(List<Float> values) {
        float[] sorted = new float[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i);
        }
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
