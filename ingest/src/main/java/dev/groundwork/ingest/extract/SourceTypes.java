package dev.groundwork.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an uploaded file is: the media type its name says, whether the type its sender declared agrees, and whether its
 * first bytes are what that type starts with — a PDF with {@code %PDF-}, a DOCX with a zip header, a text file (HTML,
 * Markdown, plain text) with neither and with no NUL byte. Stateless.
 */
public final class SourceTypes {

    public static final String DOCX = DocxExtractor.MEDIA_TYPE;

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", PdfExtractor.MEDIA_TYPE,
            "md", MarkdownExtractor.MEDIA_TYPE,
            "markdown", MarkdownExtractor.MEDIA_TYPE,
            "txt", PlainTextExtractor.MEDIA_TYPE,
            "text", PlainTextExtractor.MEDIA_TYPE,
            "html", "text/html",
            "htm", "text/html",
            "docx", DOCX);
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** PDF allows junk before its header; readers look in the first kilobyte. */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final int TEXT_SNIFF = 8192;

    private SourceTypes() {
    }

    /** The extensions accepted, for messages: {@code .pdf, .md, …}. */
    public static String accepted() {
        return ".pdf, .md, .markdown, .txt, .html, .htm, .docx";
    }

    /** The media type a file name's extension stands for; empty for a name without a known extension. */
    public static Optional<String> ofName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether the type a sender declared for a file (a multipart part's {@code Content-Type}) agrees with the type of
     * its name. No declaration, {@code application/octet-stream} and any text type for a text file agree (browsers
     * declare Markdown in many ways).
     */
    public static boolean declaredAgrees(String mediaType, String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String essence = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (essence.equals("application/octet-stream") || essence.equals(mediaType)) {
            return true;
        }
        return isText(mediaType) && essence.startsWith("text/");
    }

    /** Whether the bytes start the way files of {@code mediaType} do. */
    public static boolean looksLike(String mediaType, byte[] body) {
        if (mediaType.equals(PdfExtractor.MEDIA_TYPE)) {
            return indexOf(body, PDF_MAGIC, PDF_HEADER_WINDOW) >= 0;
        }
        if (mediaType.equals(DOCX)) {
            return startsWith(body, ZIP_MAGIC);
        }
        return !startsWith(body, ZIP_MAGIC) && !startsWith(body, PDF_MAGIC) && !hasNul(body);
    }

    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/");
    }

    private static boolean hasNul(byte[] body) {
        int end = Math.min(body.length, TEXT_SNIFF);
        boolean utf16 = body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
        if (utf16) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return indexOf(body, prefix, 1) == 0;
    }

    private static int indexOf(byte[] body, byte[] needle, int window) {
        int last = Math.min(body.length - needle.length, window - 1);
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
