package dev.groundwork.api.flashcard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A flashcard as the API returns it. {@code type} is {@code basic} (front → back), {@code reversed} (term ↔
 * definition, reviewed both ways) or {@code cloze} ({@code text} with Anki deletions, {@code back} an optional extra).
 * Every generated card carries the passage it came from ({@link Anchor}); {@link Stale} says when that passage changed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Card(
        String id,
        String topicId,
        String roadmapId,
        String topicTitle,
        boolean topicArchived,
        String type,
        String front,
        String back,
        String text,
        Origin origin,
        Anchor anchor,
        Stale stale,
        boolean suspended,
        boolean edited,
        Instant createdAt,
        Instant updatedAt,
        List<Item> items) {

    /** Where a card came from: {@code generated}, {@code manual}, {@code imported} or {@code interview}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Origin(String kind, String model) {
    }

    /**
     * The passage a card came from.
     *
     * @param chunkId     the chunk holding the quote now
     * @param resourceUrl the document's original URL, or {@code groundwork:topic/<id>} for a topic's own text
     * @param title       the document's (or topic's) title
     * @param headingPath headings above the passage, outermost first
     * @param page        PDF page, else {@code null}
     * @param quote       the source sentence(s) that support the card, verbatim
     * @param start       where the quote starts in the document's extracted text
     * @param end         where it ends (exclusive)
     * @param chunkHash   content hash of the chunk the quote was found in
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Anchor(String chunkId, String resourceUrl, String title, List<String> headingPath, Integer page,
            String quote, int start, int end, String chunkHash) {

        public Anchor {
            headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        }
    }

    /**
     * The source changed and the quote is no longer in it.
     *
     * @param reason         what happened, safe to show
     * @param currentPassage the passage of the source nearest to the old quote now, or {@code null} when the source is
     *                       gone
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Stale(String reason, Passage currentPassage) {
    }

    /** A passage of a source: the whole chunk text and, within it, the sentence nearest to what the card quoted. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Passage(String chunkId, String text, String quote, List<String> headingPath, Integer page,
            int start, int end) {
    }

    /** One reviewable side of the card: {@code ordinal} 1.., with a label such as "Front → back" or "Cloze 2". */
    public record Item(int ordinal, String label) {
    }
}
