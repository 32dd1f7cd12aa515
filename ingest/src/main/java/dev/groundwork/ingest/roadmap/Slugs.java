package dev.groundwork.ingest.roadmap;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case ASCII slugs, {@code -} separated, cut at a word boundary. */
final class Slugs {

    static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    /** The slug of the text, at most {@link #MAX_LENGTH} characters; empty when the text has no letters or digits. */
    static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH);
    }

    /** The slug of the text, or the fallback when the text has no letters or digits. */
    static String of(String text, String fallback) {
        String slug = of(text);
        return slug.isEmpty() ? fallback : slug;
    }
}
