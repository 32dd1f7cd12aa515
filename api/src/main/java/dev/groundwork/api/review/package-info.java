/**
 * Reviewing on FSRS-6: the study queue, grading (idempotent, committed before it is answered), undo, the append-only
 * review log from which every item's state can be rebuilt, the learner's review settings and statistics. The
 * algorithm itself is in {@link dev.groundwork.api.review.fsrs}, free of Spring and the database.
 */
package dev.groundwork.api.review;
