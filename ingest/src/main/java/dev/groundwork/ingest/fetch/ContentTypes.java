package dev.groundwork.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the media type of a response: the declared Content-Type when it is specific, else magic bytes
 * ({@code %PDF-}, {@code <!doctype html}, {@code <html}), else the URL's extension. A {@code .md} file served as
 * {@code text/plain} (as raw.githubusercontent.com does) comes out as {@code text/markdown}. Stateless.
 */
final class ContentTypes {

    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
    static final String MARKDOWN = "text/markdown";
    static final String PLAIN = "text/plain";

    private static final Map<String, String> SPECIFIC = Map.of(
            "text/html", HTML, "application/xhtml+xml", HTML,
            "application/pdf", PDF, "application/x-pdf", PDF,
            "text/markdown", MARKDOWN, "text/x-markdown", MARKDOWN);
    private static final Set<String> GENERIC = Set.of("", PLAIN, "application/octet-stream", "binary/octet-stream",
            "application/x-download", "application/force-download", "application/unknown");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "md", MARKDOWN, "markdown", MARKDOWN, "pdf", PDF, "txt", PLAIN, "html", HTML, "htm", HTML, "xhtml", HTML);

    private ContentTypes() {
    }

    /** The bare, lower-cased media type of a Content-Type header ({@code ""} when absent). */
    static String declared(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** False when the declared type alone rules the response out, so its body need not be read. */
    static boolean mayBeSupported(String contentType) {
        String declared = declared(contentType);
        return SPECIFIC.containsKey(declared) || GENERIC.contains(declared);
    }

    /** The supported media type of a response, or empty when it is none of html, pdf, markdown, plain text. */
    static Optional<String> detect(String contentType, byte[] body, String url) {
        String declared = declared(contentType);
        String specific = SPECIFIC.get(declared);
        if (specific != null) {
            return Optional.of(specific);
        }
        if (!GENERIC.contains(declared)) {
            return Optional.empty();
        }
        Optional<String> sniffed = sniff(body).or(() -> byExtension(url));
        if (sniffed.isPresent()) {
            return sniffed;
        }
        return declared.equals(PLAIN) ? Optional.of(PLAIN) : Optional.empty();
    }

    /** The charset parameter of a Content-Type header, or null when absent or unknown. */
    static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).trim().replace("\"", "").replace("'", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Optional<String> sniff(byte[] body) {
        if (body.length >= 5 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        head = head.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }

    private static Optional<String> byExtension(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(EXTENSIONS.get(last.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
