package dev.groundwork.api.review;

import dev.groundwork.api.review.ReviewStore.ItemRow;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Scheduler;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card's review history for other features: the log for exports, reviews imported from elsewhere, the state rebuilt
 * from the log, and retrievability at any instant (progress). Every method acts for one learner. Blocking JDBC: call
 * from the {@code jdbc} scheduler.
 */
@Component
public class ReviewHistory {

    private final ReviewStore store;
    private final TransactionTemplate transaction;

    ReviewHistory(ReviewStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    /** The card's reviews that stand (not undone), oldest first. */
    public List<LoggedReview> log(UUID learnerId, UUID cardId) {
        return store.log(learnerId, cardId);
    }

    /** The card's items now, by ordinal (retired ones included). */
    public Map<Integer, ItemState> states(UUID learnerId, UUID cardId) {
        Map<Integer, ItemState> states = new LinkedHashMap<>();
        store.items(learnerId, cardId).forEach(item -> states.put(item.ordinal(), item.state()));
        return states;
    }

    /**
     * Appends reviews made elsewhere to an item's history (oldest first, marked imported) and schedules the item
     * from them with the learner's settings, as if they had been made here.
     *
     * @throws IllegalArgumentException when the learner's card has no such item
     */
    public void importReviews(UUID learnerId, UUID cardId, int ordinal, List<PastReview> reviews) {
        transaction.executeWithoutResult(tx -> {
            ItemRow item = store.lockItem(learnerId, cardId, ordinal).orElseThrow(
                    () -> new IllegalArgumentException("no item " + ordinal + " on card " + cardId));
            ReviewSettings settings = store.settings(learnerId);
            Scheduler scheduler = new Scheduler(settings.scheduler());
            ItemState state = item.state();
            for (PastReview review : reviews.stream().sorted(Comparator.comparing(PastReview::reviewedAt)).toList()) {
                Instant at = review.reviewedAt().truncatedTo(ChronoUnit.MILLIS);
                ItemState after = scheduler.next(state, review.rating(), at, Scheduler.fuzzSeed(item.id(), state.reps()));
                store.append(learnerId, new LoggedReview(UUID.randomUUID(), cardId, item.id(), ordinal, review.rating(),
                        at, review.durationMs(), "imported", state, after, false), settings);
                state = after;
            }
            store.updateItem(learnerId, item.id(), state);
        });
    }

    /**
     * Every item's state rebuilt by replaying the card's log from the start, each review with the settings it was made
     * with. It equals the stored state: the log is the truth, the stored state a cache of it.
     */
    public Map<Integer, ItemState> replay(UUID learnerId, UUID cardId) {
        Map<UUID, SchedulerSettings> settings = store.schedulers(learnerId, cardId);
        Map<Integer, ItemState> states = new LinkedHashMap<>();
        Map<Integer, UUID> itemIds = new LinkedHashMap<>();
        for (ItemRow item : store.items(learnerId, cardId)) {
            states.put(item.ordinal(), ItemState.NEW);
            itemIds.put(item.ordinal(), item.id());
        }
        for (LoggedReview review : store.log(learnerId, cardId)) {
            ItemState before = states.get(review.ordinal());
            states.put(review.ordinal(), new Scheduler(settings.get(review.id())).next(before, review.rating(),
                    review.reviewedAt(), Scheduler.fuzzSeed(itemIds.get(review.ordinal()), before.reps())));
        }
        return states;
    }

    /**
     * The probability the learner recalls the card at {@code at}: the mean over its live items (a new item counts as
     * 0). Empty for an unknown or deleted card, or one with no items.
     */
    public OptionalDouble retrievability(UUID learnerId, UUID cardId, Instant at) {
        ReviewSettings settings = store.settings(learnerId);
        Scheduler scheduler = new Scheduler(settings.scheduler());
        return store.liveItems(learnerId, cardId).stream()
                .mapToDouble(item -> scheduler.retrievability(item.state(), at)).average();
    }
}
