package dev.groundwork.api.review.fsrs;

import java.time.Instant;

/**
 * The scheduling state of one reviewable item.
 *
 * @param state         new, learning, review or relearning
 * @param step          index of the next learning (or relearning) step; 0 outside the steps
 * @param stability     days for retrievability to fall to 90%; 0 while new
 * @param difficulty    1 … 10; 0 while new
 * @param due           when it should be reviewed next; {@code null} while new
 * @param lastReview    when it was last graded; {@code null} while new
 * @param scheduledDays the interval the last grade gave, in whole days (0 inside the learning steps)
 * @param reps          grades so far
 * @param lapses        times it was forgotten after reaching review
 */
public record ItemState(State state, int step, double stability, double difficulty, Instant due, Instant lastReview,
        int scheduledDays, int reps, int lapses) {

    /** An item never reviewed. */
    public static final ItemState NEW = new ItemState(State.NEW, 0, 0, 0, null, null, 0, 0, 0);
}
