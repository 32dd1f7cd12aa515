package dev.groundwork.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises link URLs for de-duplication: lower-case scheme and host, no default port, no user info, no fragment,
 * {@code //} collapsed and dot segments removed in the path, an empty path as {@code /}; the query is kept.
 */
final class UrlNormalizer {

    private static final Set<String> NON_DOCUMENTS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "avif",
            "css", "js", "mjs", "map", "json", "xml", "rss", "atom", "webmanifest",
            "woff", "woff2", "ttf", "otf", "eot",
            "zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "war", "whl", "exe", "dmg", "pkg", "deb", "rpm",
            "iso", "mp3", "mp4", "webm", "ogg", "wav", "avi", "mov", "mkv", "csv", "xls", "xlsx", "ppt", "pptx", "doc",
            "docx", "ipynb", "py", "java", "go", "rs");

    private UrlNormalizer() {
    }

    /** The normalised form of an absolute http(s) URL, or empty when it is not one. */
    static Optional<String> normalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String rawPath = uri.normalize().getRawPath();
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath.replaceAll("/{2,}", "/");
        while (path.startsWith("/../") || path.equals("/..")) {
            path = path.length() <= 3 ? "/" : path.substring(3);
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + path + query);
    }

    /** Whether the link obviously is not a document (an image, style sheet, script, font, archive …). */
    static boolean isNonDocument(String normalisedUrl) {
        return extension(normalisedUrl).map(NON_DOCUMENTS::contains).orElse(false);
    }

    static boolean isPdf(String normalisedUrl) {
        return extension(normalisedUrl).map("pdf"::equals).orElse(false);
    }

    private static Optional<String> extension(String normalisedUrl) {
        String path = URI.create(normalisedUrl).getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
