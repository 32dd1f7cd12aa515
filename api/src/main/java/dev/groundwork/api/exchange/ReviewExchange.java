package dev.groundwork.api.exchange;

import dev.groundwork.api.review.LoggedReview;
import dev.groundwork.api.review.PastReview;
import dev.groundwork.api.review.ReviewHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A card's review history in Anki's terms, through {@link ReviewHistory}: its log to export (undone reviews left out),
 * and Anki's review log imported, which schedules the item as if the reviews had been made here.
 * Blocking JDBC: call from the {@code jdbc} scheduler, inside the import's transaction.
 */
@Component
class ReviewExchange {

    private final ReviewHistory history;

    ReviewExchange(ReviewHistory history) {
        this.history = history;
    }

    /** The card's reviews that stand, by item ordinal, oldest first. */
    Map<Integer, List<AnkiScheduling.Review>> log(UUID learnerId, UUID cardId) {
        Map<Integer, List<AnkiScheduling.Review>> byOrdinal = new LinkedHashMap<>();
        for (LoggedReview review : history.log(learnerId, cardId)) {
            if (!review.undone()) {
                byOrdinal.computeIfAbsent(review.ordinal(), k -> new ArrayList<>()).add(new AnkiScheduling.Review(
                        review.reviewedAt(), review.rating(), review.durationMs(), review.before(), review.after()));
            }
        }
        return byOrdinal;
    }

    /** Adds reviews made in Anki to an item's history; returns how many were added. */
    int importReviews(UUID learnerId, UUID cardId, int ordinal, List<ImportRow.Review> reviews) {
        if (reviews.isEmpty()) {
            return 0;
        }
        history.importReviews(learnerId, cardId, ordinal, reviews.stream()
                .map(r -> new PastReview(r.reviewedAt(), r.rating(), r.durationMs())).toList());
        return reviews.size();
    }
}
