package dev.groundwork.api.review.fsrs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The short steps, in whole minutes, an item goes through before (or, after a lapse, before returning to) intervals in
 * days; ts-fsrs's {@code BasicLearningStepsStrategy}. Again goes back to the first step; hard repeats the current step
 * with the mean of the first two steps (or 1.5 × the only one); good moves to the next step; easy, or good on the
 * last step, leaves the steps (no step is returned).
 */
final class LearningSteps {

    /** Wait {@code minutes}, then the item is at step {@code next}. */
    record Step(long minutes, int next) {
    }

    private final List<Long> learning;
    private final List<Long> relearning;

    LearningSteps(List<Duration> learning, List<Duration> relearning) {
        this.learning = learning.stream().map(Duration::toMinutes).toList();
        this.relearning = relearning.stream().map(Duration::toMinutes).toList();
    }

    /** The step {@code rating} leads to from step {@code current} in {@code state}, or empty when it leaves them. */
    Optional<Step> next(State state, int current, Rating rating) {
        boolean lapsed = state == State.REVIEW || state == State.RELEARNING;
        List<Long> steps = lapsed ? relearning : learning;
        if (steps.isEmpty() || current >= steps.size()) {
            return Optional.empty();
        }
        long first = steps.get(0);
        if (state == State.REVIEW) {
            return rating == Rating.AGAIN ? Optional.of(new Step(steps.get(Math.max(0, current)), 0)) : Optional.empty();
        }
        return switch (rating) {
            case AGAIN -> Optional.of(new Step(first, 0));
            case HARD -> Optional.of(new Step(hardMinutes(steps), current));
            case GOOD -> current + 1 < steps.size() && steps.get(current + 1) > 0
                    ? Optional.of(new Step(steps.get(current + 1), current + 1))
                    : Optional.empty();
            case EASY -> Optional.empty();
        };
    }

    private static long hardMinutes(List<Long> steps) {
        if (steps.size() == 1) {
            return Math.round(steps.get(0) * 1.5);
        }
        return Math.round((steps.get(0) + steps.get(1)) / 2.0);
    }
}
