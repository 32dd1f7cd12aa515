package dev.groundwork.ingest.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF → one paragraph block per paragraph (grouped from line geometry by {@link PdfParagraphs}), each with its
 * 1-based page. The title is the document information title, else the first line of text.
 * A PDF that needs a password fails as {@code ENCRYPTED}, unreadable bytes as {@code BROKEN}, a PDF without text on
 * any page (scanned images) as {@code NO_TEXT}. Never throws anything else. Stateless and thread-safe; blocking and
 * CPU-bound, so run it off any event loop.
 */
final class PdfExtractor {

    static final String MEDIA_TYPE = "application/pdf";
    private static final int MAX_TITLE = 200;

    ExtractedDocument extract(String url, byte[] body) throws ExtractionFailed {
        try (PDDocument doc = Loader.loadPDF(body)) {
            return extract(url, doc);
        } catch (InvalidPasswordException e) {
            throw new ExtractionFailed(ExtractionFailed.Reason.ENCRYPTED, "The PDF is encrypted and needs a password.");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ExtractionFailed(ExtractionFailed.Reason.BROKEN, "The file could not be read as a PDF.");
        }
    }

    private ExtractedDocument extract(String url, PDDocument doc) throws IOException, ExtractionFailed {
        int pageCount = doc.getNumberOfPages();
        PdfLineCollector collector = new PdfLineCollector();
        List<Block> blocks = new ArrayList<>();
        String firstLine = null;
        for (int page = 1; page <= pageCount; page++) {
            List<PdfLineCollector.Line> lines = collector.lines(doc, page);
            if (firstLine == null && !lines.isEmpty()) {
                firstLine = lines.get(0).text();
            }
            for (String paragraph : PdfParagraphs.group(lines)) {
                if (!paragraph.isBlank()) {
                    blocks.add(new Block(BlockKind.PARAGRAPH, 0, paragraph, page, 0, 0));
                }
            }
        }
        if (blocks.isEmpty()) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT,
                    "The PDF has no extractable text (it may be scanned images).");
        }
        return ExtractedDocument.of(url, title(doc, firstLine), MEDIA_TYPE, blocks, pageCount);
    }

    private static String title(PDDocument doc, String firstLine) {
        String info = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
        if (info != null && !Whitespace.fold(info).isEmpty()) {
            return Whitespace.fold(info);
        }
        if (firstLine == null) {
            return null;
        }
        return firstLine.length() <= MAX_TITLE ? firstLine : firstLine.substring(0, MAX_TITLE).trim() + "…";
    }
}
