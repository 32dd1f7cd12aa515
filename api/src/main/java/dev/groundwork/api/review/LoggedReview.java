package dev.groundwork.api.review;

import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the review log.
 *
 * @param id         the review id (the client's, or a new one for an imported review)
 * @param cardId     the card
 * @param itemId     the reviewed item of the card
 * @param ordinal    which side or cloze number that item is
 * @param rating     the grade
 * @param reviewedAt when it was graded
 * @param durationMs how long the learner took, when known
 * @param origin     {@code app} or {@code imported}
 * @param before     the item's state before the grade
 * @param after      the item's state after it
 * @param undone     whether the learner undid it
 */
public record LoggedReview(UUID id, UUID cardId, UUID itemId, int ordinal, Rating rating, Instant reviewedAt,
        Integer durationMs, String origin, ItemState before, ItemState after, boolean undone) {
}
