package dev.groundwork.api.review;

import dev.groundwork.api.review.fsrs.Rating;
import java.time.Instant;

/** A review that happened elsewhere (an Anki collection), to be added to an item's history. */
public record PastReview(Instant reviewedAt, Rating rating, Integer durationMs) {
}
