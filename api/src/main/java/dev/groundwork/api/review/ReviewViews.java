package dev.groundwork.api.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groundwork.api.flashcard.Card;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.State;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the review API. */
final class ReviewViews {

    private ReviewViews() {
    }

    /** An item's scheduling state; {@code retrievability} is the probability of recall now ({@code null} if new). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Schedule(String state, Instant due, Double stability, Double difficulty, Double retrievability,
            int scheduledDays, int reps, int lapses, Instant lastReview) {

        static Schedule of(ItemState s, Double retrievability) {
            boolean fresh = s.state() == State.NEW;
            return new Schedule(s.state().label(), s.due(), fresh ? null : s.stability(),
                    fresh ? null : s.difficulty(), fresh ? null : retrievability, s.scheduledDays(), s.reps(),
                    s.lapses(), s.lastReview());
        }
    }

    /** How long until the item comes back after a grade. */
    record Interval(long seconds, String label) {
    }

    /** One thing to study: a side of a card, its state, and what each grade would do. */
    record QueueItem(Card card, Card.Item item, Schedule schedule, Map<String, Interval> intervals) {
    }

    /** What is left in the scope now: learning and review items due, new ones the daily limit still allows. */
    record Counts(int learning, int review, @JsonProperty("new") int fresh) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Queue(List<QueueItem> items, Counts counts, Instant nextDue) {
    }

    record Graded(UUID reviewId, UUID cardId, int ordinal, String rating, Instant reviewedAt, Schedule schedule) {
    }

    record Undone(UUID reviewId, UUID cardId, int ordinal, Schedule schedule) {
    }

    /** True retention: of the reviews of items on the long-term schedule, the share not graded again. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Retention(int days, int reviews, int passed, Double rate) {
    }

    record ForecastDay(LocalDate date, int due) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Stats(Map<String, Integer> states, int dueNow, int dueToday, int newToday, int reviewsToday,
            Retention retention, List<ForecastDay> forecast, Instant nextDue) {
    }

    record TopicDue(int due, @JsonProperty("new") int fresh) {
    }

    /** Due and new items of a roadmap, and per topic (cards directly on it). */
    record DueCounts(int due, @JsonProperty("new") int fresh, Map<String, TopicDue> topics) {
    }
}
