package dev.groundwork.ingest.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * The part of a site a docs root stands for: same host, path under {@code prefix}.
 *
 * <p>A URL is a docs root when its path ends in {@code /} (prefix: that path), or its last segment is
 * {@code index.html}, {@code index} or {@code home/} (prefix: the parent directory, so {@code /docs/home/} covers
 * {@code /docs/} and {@code /cdk/index.html} covers {@code /cdk/}). A site root has prefix {@code /}.
 */
record CrawlScope(String authority, String prefix) {

    static Optional<CrawlScope> of(String url) {
        Optional<String> normalised = UrlNormalizer.normalize(url);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(normalised.get());
        String path = uri.getRawPath();
        String prefix;
        if (path.endsWith("/home/")) {
            prefix = path.substring(0, path.length() - "home/".length());
        } else if (path.endsWith("/")) {
            prefix = path;
        } else if (path.endsWith("/index.html") || path.endsWith("/index")) {
            prefix = path.substring(0, path.lastIndexOf('/') + 1);
        } else {
            return Optional.empty();
        }
        return Optional.of(new CrawlScope(uri.getRawAuthority(), prefix));
    }

    /** Whether a normalised URL lies inside this scope. */
    boolean contains(String normalisedUrl) {
        URI uri = URI.create(normalisedUrl);
        return authority.equals(uri.getRawAuthority()) && uri.getRawPath() != null
                && uri.getRawPath().startsWith(prefix);
    }
}
