package dev.groundwork.ingest.fetch;

import dev.groundwork.ingest.fetch.FetchProperties.UrlRewrite;
import java.util.List;

/**
 * Maps URLs between the original space (what callers and pages use) and the connected space (after
 * {@code groundwork.fetch.url-rewrites}). The first rule whose {@code from} prefixes the URL wins; going back, the
 * first rule whose {@code to} prefixes it wins. Immutable.
 */
final class UrlRewriter {

    private final List<UrlRewrite> rules;

    UrlRewriter(List<UrlRewrite> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The URL to connect to for an original URL. */
    String toConnected(String original) {
        for (UrlRewrite rule : rules) {
            if (original.startsWith(rule.from())) {
                return rule.to() + original.substring(rule.from().length());
            }
        }
        return original;
    }

    /** The original URL for a connected one (e.g. a Location header); unchanged when no rule produced it. */
    String toOriginal(String connected) {
        for (UrlRewrite rule : rules) {
            if (connected.startsWith(rule.to())) {
                return rule.from() + connected.substring(rule.to().length());
            }
        }
        return connected;
    }
}
