package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.ImportedCard;
import dev.groundwork.api.review.fsrs.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One note of a package or one row of a text file, read and sanitised, before it is stored.
 *
 * @param row        1-based: the note's place in the package, or the data row's in the file
 * @param card       the card to store, or {@code null} when the row cannot become one
 * @param failure    why it cannot (safe to show), or {@code null}
 * @param notice     what sanitising changed (safe to show), or {@code null}
 * @param deck       the Anki deck it was in, or {@code null}
 * @param topicTags  Groundwork's own tags ({@code groundwork::roadmap::topic-key}), which say where it came from
 * @param reviews    Anki's review log of the note's cards, by item ordinal (1..), oldest first
 */
record ImportRow(int row, ImportedCard card, String failure, String notice, String deck, List<String> topicTags,
        Map<Integer, List<Review>> reviews) {

    /** A grade given in Anki. */
    record Review(Instant reviewedAt, Rating rating, Integer durationMs) {
    }

    static ImportRow failed(int row, String failure) {
        return new ImportRow(row, null, failure, null, null, List.of(), Map.of());
    }
}
