package dev.groundwork.api.retrieval;

import java.util.List;

/**
 * A chunk a search found, with the provenance a citation needs.
 *
 * @param id          the chunk id
 * @param text        the passage
 * @param title       the document's or topic's title
 * @param url         the original URL of its document, or {@code groundwork:topic/<id>} for a topic's own text
 * @param headingPath headings above the passage, outermost first
 * @param page        PDF page, else {@code null}
 * @param score       fused relevance, higher is better; comparable only within one search
 */
public record RetrievedChunk(String id, String text, String title, String url, List<String> headingPath, Integer page,
        double score) {

    public RetrievedChunk {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    /** The first {@code max} characters, cut at a word boundary. */
    public String snippet(int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
