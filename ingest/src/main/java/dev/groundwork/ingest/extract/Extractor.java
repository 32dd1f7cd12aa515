package dev.groundwork.ingest.extract;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The one entry point of this package: a fetched document's bytes → its clean text as {@link ExtractedDocument}
 * blocks. Dispatches on the media type: {@code text/html} (and XHTML) keeps only the article, without the site shell;
 * {@code application/pdf} gives paragraphs with their page; {@code text/markdown} follows the Markdown structure;
 * {@code text/plain} gives paragraphs split on blank lines; a Word document ({@link SourceTypes#DOCX}) gives headings,
 * paragraphs, list items and tables. Media type parameters (e.g. {@code ; charset=utf-8}) are
 * ignored; pass the charset separately.
 *
 * <p>Thread-safe and stateless: one instance may serve any number of threads. Extraction is blocking and CPU-bound
 * (a 1.7 MB HTML page takes well under a second), so call it from a bounded worker pool, never from an event loop.
 */
public final class Extractor {

    private final HtmlExtractor html = new HtmlExtractor();
    private final PdfExtractor pdf = new PdfExtractor();
    private final MarkdownExtractor markdown = new MarkdownExtractor();
    private final PlainTextExtractor plainText = new PlainTextExtractor();
    private final DocxExtractor docx;

    /** An extractor with {@link ArchiveLimits#DEFAULT}. */
    public Extractor() {
        this(ArchiveLimits.DEFAULT);
    }

    /** @param archives what a DOCX may unpack to (checked before it is parsed) */
    public Extractor(ArchiveLimits archives) {
        this.docx = new DocxExtractor(archives);
    }

    /**
     * Extracts a document.
     *
     * @param url             the document's URL, carried into the result (and used to resolve relative links)
     * @param mediaType       {@code text/html}, {@code application/pdf}, {@code text/markdown}, {@code text/plain} or
     *                        {@link SourceTypes#DOCX}
     * @param declaredCharset the charset from the HTTP header, or {@code null} to sniff it (ignored for PDF)
     * @param body            the raw bytes
     * @throws ExtractionFailed with a reason when the document yields no text; the message is safe to show
     */
    public ExtractedDocument extract(String url, String mediaType, Charset declaredCharset, byte[] body)
            throws ExtractionFailed {
        if (body == null || body.length == 0) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT, "The document is empty.");
        }
        return switch (essence(mediaType)) {
            case "text/html", "application/xhtml+xml" -> html.extract(url, declaredCharset, body);
            case "application/pdf" -> pdf.extract(url, body);
            case "text/markdown", "text/x-markdown" -> markdown.extract(url, declaredCharset, body);
            case "text/plain" -> plainText.extract(url, declaredCharset, body);
            case DocxExtractor.MEDIA_TYPE -> docx.extract(url, body);
            default -> throw new ExtractionFailed(ExtractionFailed.Reason.UNSUPPORTED_TYPE,
                    "Documents of this type cannot be read: " + printable(mediaType) + ".");
        };
    }

    private static String essence(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /** The media type as a short, single-line string (it comes from a remote server). */
    private static String printable(String mediaType) {
        String type = essence(mediaType).replaceAll("[^a-z0-9.+/*-]", "");
        if (type.isEmpty()) {
            return "unknown";
        }
        return type.length() > 60 ? type.substring(0, 60) + "…" : type;
    }
}
