package dev.groundwork.ingest.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the text lines of one PDF page with their geometry, so that {@link PdfParagraphs} can group them. PDFBox's
 * own paragraph detection marks nearly every line of a two-column paper as a paragraph start, so it is not used. One
 * instance per extraction; not thread-safe.
 */
final class PdfLineCollector extends PDFTextStripper {

    /** A line of text; coordinates in points, y growing downwards. */
    record Line(String text, float left, float right, float top, float height) {
        float width() {
            return right - left;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private float left = Float.MAX_VALUE;
    private float right = -Float.MAX_VALUE;
    private float top;
    private float height;

    PdfLineCollector() {
        setSortByPosition(false);
    }

    List<Line> lines(PDDocument doc, int page) throws IOException {
        lines.clear();
        setStartPage(page);
        setEndPage(page);
        writeText(doc, Writer.nullWriter());
        endLine();
        return List.copyOf(lines);
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        text.append(string);
        for (TextPosition p : positions) {
            left = Math.min(left, p.getXDirAdj());
            right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
            top = p.getYDirAdj();
            height = Math.max(height, p.getHeightDir());
        }
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphStart() {
        endLine();
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
    }

    @Override
    protected void writePageEnd() {
        endLine();
    }

    private void endLine() {
        String folded = Whitespace.fold(text);
        if (!folded.isEmpty()) {
            lines.add(new Line(folded, left, right, top, height));
        }
        text.setLength(0);
        left = Float.MAX_VALUE;
        right = -Float.MAX_VALUE;
        top = 0;
        height = 0;
    }
}
