package dev.groundwork.api.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A card's review history in Anki's terms: its log to export, and Anki's review log to import.
 * Blocking JDBC: call from the {@code jdbc} scheduler.
 */
@Component
class ReviewExchange {

    /** The card's reviews that stand, by item ordinal, oldest first. */
    Map<Integer, List<AnkiScheduling.Review>> log(UUID learnerId, UUID cardId) {
        return Map.of();
    }

    /** Adds reviews made in Anki to an item's history; returns how many were added. */
    int importReviews(UUID learnerId, UUID cardId, int ordinal, List<ImportRow.Review> reviews) {
        return 0;
    }
}
