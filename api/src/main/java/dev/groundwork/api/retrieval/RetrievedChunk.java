package dev.groundwork.api.retrieval;

import java.util.List;

/**
 * A chunk a search found, with the provenance a citation or a card anchor needs.
 *
 * @param id          the chunk id
 * @param text        the passage
 * @param title       the document's or topic's title
 * @param url         the original URL of its document, or {@code groundwork:topic/<id>} for a topic's own text
 * @param headingPath headings above the passage, outermost first
 * @param page        PDF page, else {@code null}
 * @param score       fused relevance, higher is better; comparable only within one search
 * @param blocks      the passage's blocks in order (kind, offsets in {@code text}, inline marks); empty for a chunk
 *                    stored before ingestion recorded them
 * @param documentId  the fetched document the chunk belongs to, or {@code null} for a topic's own text
 * @param topicId     the topic whose own text the chunk is, or {@code null} for a document's chunk
 * @param start       offset of {@code text} in its document's (or topic text's) extracted text, so that
 *                    {@code start + i} locates character {@code i} of the passage there
 * @param contentHash SHA-256 of {@code text} (UTF-8), lower-case hex
 */
public record RetrievedChunk(String id, String text, String title, String url, List<String> headingPath, Integer page,
        double score, List<PassageBlock> blocks, String documentId, String topicId, int start, String contentHash) {

    public RetrievedChunk {
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
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
