package dev.groundwork.api.review;

import static dev.groundwork.api.problem.ProblemException.badRequest;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.flashcard.Card;
import dev.groundwork.api.flashcard.CardReader;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.review.ReviewStore.ItemRow;
import dev.groundwork.api.review.ReviewStore.Scope;
import dev.groundwork.api.review.ReviewViews.Counts;
import dev.groundwork.api.review.ReviewViews.DueCounts;
import dev.groundwork.api.review.ReviewViews.ForecastDay;
import dev.groundwork.api.review.ReviewViews.Graded;
import dev.groundwork.api.review.ReviewViews.Interval;
import dev.groundwork.api.review.ReviewViews.Queue;
import dev.groundwork.api.review.ReviewViews.QueueItem;
import dev.groundwork.api.review.ReviewViews.Retention;
import dev.groundwork.api.review.ReviewViews.Schedule;
import dev.groundwork.api.review.ReviewViews.Stats;
import dev.groundwork.api.review.ReviewViews.TopicDue;
import dev.groundwork.api.review.ReviewViews.Undone;
import dev.groundwork.api.review.fsrs.IntervalLabel;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import dev.groundwork.api.review.fsrs.Scheduler;
import dev.groundwork.api.security.Learner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

/**
 * The boundary between the review endpoints and the blocking store: every call runs on the {@code jdbc} scheduler,
 * grading and undoing in one transaction that holds the item's row lock, so a grade is committed before it is
 * answered and two grades of one item never interleave. Every call acts for one learner.
 */
@Service
class ReviewService {

    static final int DEFAULT_QUEUE = 50;
    static final int MAX_QUEUE = 500;
    static final long MAX_DURATION_MS = Duration.ofHours(24).toMillis();
    /** With nothing else left, learning items due this soon are shown early (Anki's learn-ahead limit). */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);
    static final int FORECAST_DAYS = 30;
    static final int RETENTION_DAYS = 30;

    private final ReviewStore store;
    private final CardReader cards;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final reactor.core.scheduler.Scheduler jdbc;

    ReviewService(ReviewStore store, CardReader cards, TransactionTemplate transaction, Clock clock,
            @Qualifier("jdbcScheduler") reactor.core.scheduler.Scheduler jdbc) {
        this.store = store;
        this.cards = cards;
        this.transaction = transaction;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Mono<Queue> queue(Learner learner, String roadmapId, String topicId, Integer limit) {
        int size = limit == null ? DEFAULT_QUEUE : limit;
        if (size < 1 || size > MAX_QUEUE) {
            return Mono.error(badRequest("limit must be between 1 and " + MAX_QUEUE + "."));
        }
        return blocking(() -> {
            Scope scope = scope(roadmapId, topicId);
            Instant now = now();
            ReviewSettings settings = store.settings(learner.id());
            ReviewDay today = ReviewDay.of(now, settings.zone());
            Scheduler scheduler = new Scheduler(settings.scheduler());
            UUID id = learner.id();

            List<ItemRow> items = new ArrayList<>(store.dueLearning(id, scope, now, size));
            if (items.size() < size) {
                double decay = -settings.scheduler().weights().get(20);
                items.addAll(store.dueReview(id, scope, now, today.end(), Math.pow(0.9, 1 / decay) - 1, decay,
                        size - items.size()));
            }
            int newLeft = newLeft(id, settings, today);
            if (items.size() < size && newLeft > 0) {
                items.addAll(store.fresh(id, scope, Math.min(size - items.size(), newLeft)));
            }
            if (items.isEmpty()) {
                items.addAll(store.learnAhead(id, scope, now.plus(LEARN_AHEAD), size));
            }
            ReviewStore.Due due = store.due(id, scope, now, today.end());
            Instant nextDue = due.nextDue();
            if (due.fresh() > 0 && newLeft == 0 && (nextDue == null || nextDue.isAfter(today.end()))) {
                nextDue = today.end();   // tomorrow's new cards
            }
            Map<UUID, Card> shown = cards.cards(id, items.stream().map(ItemRow::cardId).distinct().toList());
            List<QueueItem> queue = new ArrayList<>();
            for (ItemRow item : items) {
                Card card = shown.get(item.cardId());
                if (card != null) {
                    queue.add(new QueueItem(card, label(card, item.ordinal()), schedule(scheduler, item.state(), now),
                            intervals(scheduler, item, now)));
                }
            }
            return new Queue(queue, new Counts(due.learning(), due.review(), Math.min(due.fresh(), newLeft)), nextDue);
        });
    }

    Mono<Graded> grade(Learner learner, String cardId, ReviewRequests.Grade request) {
        Rating rating = request == null ? null : Rating.ofLabel(request.rating());
        if (rating == null) {
            return Mono.error(badRequest("rating must be one of again, hard, good, easy."));
        }
        Optional<UUID> reviewId = Uuids.parse(request.reviewId());
        if (reviewId.isEmpty()) {
            return Mono.error(badRequest("reviewId must be a UUID made by the client (a retry sends the same one)."));
        }
        Long duration = request.durationMs();
        if (duration != null && (duration < 0 || duration > MAX_DURATION_MS)) {
            return Mono.error(badRequest("durationMs must be between 0 and " + MAX_DURATION_MS + "."));
        }
        UUID card = Uuids.parse(cardId).orElse(null);
        if (card == null) {
            return Mono.error(new NotFound("card", cardId));
        }
        UUID id = reviewId.get();
        return blocking(() -> {
            try {
                return gradeOnce(learner, card, cardId, id, rating, duration, request.ordinal());
            } catch (DuplicateKeyException raced) {
                // the same review id committed by a concurrent request for another side of the card
                return transaction.execute(tx -> earlier(learner, id, card)).orElseThrow(() -> raced);
            }
        });
    }

    private Graded gradeOnce(Learner learner, UUID card, String cardId, UUID id, Rating rating, Long duration,
            Integer ordinal) {
        return transaction.execute(tx -> {
            Optional<Graded> earlier = earlier(learner, id, card);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ItemRow item = (ordinal == null ? store.lockFirstDue(learner.id(), card)
                    : store.lockItem(learner.id(), card, ordinal))
                    .orElseThrow(() -> cards.card(learner.id(), card).isEmpty() ? new NotFound("card", cardId)
                            : badRequest("The card has no side " + ordinal + "."));
            earlier = earlier(learner, id, card);    // a retry that waited for the lock
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ReviewSettings settings = store.settings(learner.id());
            Instant now = notBefore(now(), item.state().lastReview());
            Scheduler scheduler = new Scheduler(settings.scheduler());
            ItemState after = scheduler.next(item.state(), rating, now,
                    Scheduler.fuzzSeed(item.id(), item.state().reps()));
            store.append(learner.id(), new LoggedReview(id, card, item.id(), item.ordinal(), rating, now,
                    duration == null ? null : duration.intValue(), "app", item.state(), after, false), settings);
            store.updateItem(learner.id(), item.id(), after);
            return new Graded(id, card, item.ordinal(), rating.label(), now,
                    schedule(scheduler, after, now));
        });
    }

    /** The answer to a review already logged under this id, or a conflict when the id was used otherwise. */
    private Optional<Graded> earlier(Learner learner, UUID reviewId, UUID cardId) {
        return store.review(learner.id(), reviewId).map(logged -> {
            if (!logged.cardId().equals(cardId)) {
                throw new ProblemException(HttpStatus.CONFLICT, ProblemType.REVIEW_ID_REUSED,
                        "Review " + reviewId + " graded another card; send a new reviewId for each grade.");
            }
            if (logged.undone()) {
                throw new ProblemException(HttpStatus.CONFLICT, ProblemType.REVIEW_ID_REUSED,
                        "Review " + reviewId + " was undone; send a new reviewId to grade the card again.");
            }
            ReviewSettings settings = store.settings(learner.id());
            return new Graded(reviewId, cardId, logged.ordinal(), logged.rating().label(), logged.reviewedAt(),
                    schedule(new Scheduler(settings.scheduler()), logged.after(), logged.reviewedAt()));
        });
    }

    Mono<Undone> undo(Learner learner, String reviewId) {
        UUID id = Uuids.parse(reviewId).orElse(null);
        if (id == null) {
            return Mono.error(new NotFound("review", reviewId));
        }
        return blocking(() -> transaction.execute(tx -> {
            LoggedReview review = store.review(learner.id(), id).orElseThrow(() -> new NotFound("review", reviewId));
            if (review.undone()) {
                throw notLatest("Review " + reviewId + " was already undone.");
            }
            if (!review.origin().equals("app")) {
                throw notLatest("Review " + reviewId + " was imported; only reviews made here can be undone.");
            }
            store.lockItem(learner.id(), review.cardId(), review.ordinal())
                    .orElseThrow(() -> new NotFound("review", reviewId));       // its card was deleted
            UUID latest = store.latestReview(learner.id(), review.itemId()).orElseThrow();
            if (!latest.equals(id)) {
                throw notLatest("Only the latest review of a card can be undone; review " + latest
                        + " came after " + reviewId + ".");
            }
            store.markUndone(learner.id(), id, now());
            store.updateItem(learner.id(), review.itemId(), review.before());
            ReviewSettings settings = store.settings(learner.id());
            return new Undone(id, review.cardId(), review.ordinal(),
                    schedule(new Scheduler(settings.scheduler()), review.before(), now()));
        }));
    }

    Mono<Stats> stats(Learner learner, String roadmapId, String topicId) {
        return blocking(() -> {
            Scope scope = scope(roadmapId, topicId);
            UUID id = learner.id();
            Instant now = now();
            ReviewSettings settings = store.settings(id);
            ReviewDay today = ReviewDay.of(now, settings.zone());
            ReviewStore.Due due = store.due(id, scope, now, today.end());
            int newLeft = newLeft(id, settings, today);
            Map<LocalDate, Integer> byDay = store.forecast(id, scope, today, today.date().plusDays(FORECAST_DAYS - 1));
            List<ForecastDay> forecast = new ArrayList<>();
            for (int day = 0; day < FORECAST_DAYS; day++) {
                LocalDate date = today.date().plusDays(day);
                forecast.add(new ForecastDay(date, byDay.getOrDefault(date, 0)));
            }
            int[] todays = store.reviewsSince(id, scope, today.start());
            int[] month = store.reviewsSince(id, scope, now.minus(Duration.ofDays(RETENTION_DAYS)));
            Retention retention = new Retention(RETENTION_DAYS, month[1], month[2],
                    month[1] == 0 ? null : (double) month[2] / month[1]);
            return new Stats(store.states(id, scope), due.learning() + due.review(), forecast.get(0).due(),
                    Math.min(due.fresh(), newLeft), todays[0], retention, forecast, due.nextDue());
        });
    }

    Mono<DueCounts> counts(Learner learner, String roadmapId) {
        return blocking(() -> {
            scope(roadmapId, null);
            UUID id = learner.id();
            Instant now = now();
            ReviewSettings settings = store.settings(id);
            ReviewDay today = ReviewDay.of(now, settings.zone());
            Map<String, TopicDue> topics = new LinkedHashMap<>();
            int due = 0;
            int fresh = 0;
            for (Map.Entry<String, int[]> topic : store.dueByTopic(id, roadmapId, now, today.end()).entrySet()) {
                topics.put(topic.getKey(), new TopicDue(topic.getValue()[0], topic.getValue()[1]));
                due += topic.getValue()[0];
                fresh += topic.getValue()[1];
            }
            int newLeft = newLeft(id, settings, today);
            return new DueCounts(due, Math.min(fresh, newLeft), topics);
        });
    }

    Mono<ReviewSettings> settings(Learner learner) {
        return blocking(() -> store.settings(learner.id()));
    }

    Mono<ReviewSettings> updateSettings(Learner learner, ReviewRequests.Settings request) {
        if (request == null) {
            return Mono.error(badRequest("Send the settings to change as JSON."));
        }
        return blocking(() -> transaction.execute(tx -> {
            ReviewSettings updated = request.over(store.settings(learner.id()));
            String problem = updated.problem();
            if (problem != null) {
                throw badRequest(problem);
            }
            store.saveSettings(learner.id(), updated, now());
            return updated;
        }));
    }

    private Scope scope(String roadmapId, String topicId) {
        if (topicId != null && !topicId.isBlank()) {
            UUID topic = Uuids.parse(topicId).orElseThrow(() -> new NotFound("topic", topicId));
            String roadmap = store.roadmapOf(topic).orElseThrow(() -> new NotFound("topic", topicId));
            if (roadmapId != null && !roadmapId.isBlank() && !roadmapId.equals(roadmap)) {
                throw new NotFound("topic", topicId + "' in roadmap '" + roadmapId);
            }
            return new Scope(null, topic);
        }
        if (roadmapId != null && !roadmapId.isBlank()) {
            if (!store.roadmapExists(roadmapId)) {
                throw new NotFound("roadmap", roadmapId);
            }
            return new Scope(roadmapId, null);
        }
        return Scope.ALL;
    }

    /** New items the learner's daily limit still allows today. */
    private int newLeft(UUID learnerId, ReviewSettings settings, ReviewDay today) {
        return Math.max(0, settings.dailyNewLimit() - store.introducedSince(learnerId, today.start()));
    }

    private static Card.Item label(Card card, int ordinal) {
        return card.items().stream().filter(item -> item.ordinal() == ordinal).findFirst()
                .orElse(new Card.Item(ordinal, "Side " + ordinal));
    }

    private static Schedule schedule(Scheduler scheduler, ItemState state, Instant now) {
        return Schedule.of(state, scheduler.retrievability(state, now));
    }

    private static Map<String, Interval> intervals(Scheduler scheduler, ItemRow item, Instant now) {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        scheduler.preview(item.state(), now, Scheduler.fuzzSeed(item.id(), item.state().reps()))
                .forEach((rating, next) -> {
                    Duration wait = Duration.between(now, next.due());
                    intervals.put(rating.label(), new Interval(wait.toSeconds(), IntervalLabel.of(wait)));
                });
        return intervals;
    }

    /** A clock behind the last review (another instance's) must not schedule into the past. */
    private static Instant notBefore(Instant now, Instant lastReview) {
        return lastReview != null && now.isBefore(lastReview) ? lastReview : now;
    }

    /** Now, to the millisecond: what the database and the algorithm's reference keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ProblemException notLatest(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemType.REVIEW_NOT_LATEST, detail);
    }


    private <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(jdbc);
    }
}
