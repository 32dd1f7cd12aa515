package dev.groundwork.api.exchange;

import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import dev.groundwork.api.review.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How an item's FSRS state and its reviews read in Anki's legacy columns ({@code cards}, {@code revlog}): card type
 * and queue (0 new, 1 learning, 2 review, 3 relearning; queue -1 suspended), due as a position for new cards, epoch
 * seconds while in learning steps and a day number (days since the collection's {@code crt}) on review, interval in
 * days (negative seconds in the revlog for learning steps), FSRS memory in {@code data} as Anki keeps it
 * ({@code {"s":…,"d":…}}). Stateless.
 */
final class AnkiScheduling {

    static final int DEFAULT_FACTOR = 2500;

    private AnkiScheduling() {
    }

    /** One row of Anki's {@code cards} table, less its ids. */
    record CardColumns(int type, int queue, long due, int ivl, int factor, int reps, int lapses, int left,
            String data) {
    }

    /** One row of Anki's {@code revlog} table, less its ids. */
    record RevlogColumns(int ease, int ivl, int lastIvl, int factor, int time, int type) {
    }

    /** A review of an item, as exported: when, the grade, how long it took, and the state around it. */
    record Review(Instant reviewedAt, Rating rating, Integer durationMs, ItemState before, ItemState after) {
    }

    static CardColumns card(ItemState state, boolean suspended, int newPosition, long crtSeconds) {
        State s = state.state();
        int type = s.code();
        int queue;
        long due;
        int ivl;
        int left = 0;
        switch (s) {
            case NEW -> {
                queue = 0;
                due = newPosition;
                ivl = 0;
            }
            case LEARNING, RELEARNING -> {
                queue = 1;
                due = state.due() == null ? crtSeconds : state.due().getEpochSecond();
                ivl = s == State.RELEARNING ? Math.max(1, state.scheduledDays()) : 0;
                int steps = (s == State.LEARNING ? SchedulerSettings.DEFAULTS.learningSteps()
                        : SchedulerSettings.DEFAULTS.relearningSteps()).size();
                int remaining = Math.max(1, steps - state.step());
                left = remaining * 1000 + remaining;
            }
            default -> {
                queue = 2;
                due = state.due() == null ? 0 : Math.floorDiv(state.due().getEpochSecond() - crtSeconds, 86_400L);
                ivl = Math.max(1, state.scheduledDays());
            }
        }
        String data = s == State.NEW || state.stability() <= 0 ? "{}"
                : String.format(Locale.ROOT, "{\"s\":%.4f,\"d\":%.4f}", state.stability(), state.difficulty());
        return new CardColumns(type, suspended ? -1 : queue, due, ivl, s == State.NEW ? 0 : DEFAULT_FACTOR,
                state.reps(), state.lapses(), left, data);
    }

    static RevlogColumns revlog(Review review) {
        int type = switch (review.before().state()) {
            case NEW, LEARNING -> 0;
            case REVIEW -> 1;
            case RELEARNING -> 2;
        };
        int time = review.durationMs() == null ? 0 : Math.max(0, review.durationMs());
        return new RevlogColumns(review.rating().grade(), interval(review.after(), review.reviewedAt()),
                interval(review.before(), review.before().lastReview()), type == 0 ? 0 : DEFAULT_FACTOR, time, type);
    }

    /** Days on review, else minus the seconds until due (Anki's revlog convention); 0 for a new item. */
    private static int interval(ItemState state, Instant from) {
        if (state.state() == State.NEW || state.due() == null) {
            return 0;
        }
        if (state.state() == State.REVIEW) {
            return Math.max(1, state.scheduledDays());
        }
        long seconds = from == null ? 0 : Math.max(0, Duration.between(from, state.due()).getSeconds());
        return (int) -Math.min(seconds, Integer.MAX_VALUE);
    }

    /**
     * The rating of an Anki revlog row to import, or {@code null} for rows that are not grades: manual changes and
     * reschedules (types 4 and 5) and rows with no ease (a preview, a forget).
     */
    static Rating importable(int ease, int type) {
        if (ease < 1 || ease > 4 || type < 0 || type > 3) {
            return null;
        }
        return Rating.ofGrade(ease);
    }
}
