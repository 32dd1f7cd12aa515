/**
 * How well a learner knows each topic of a roadmap, from their cards' retrievability and their interview scores, and
 * how much of the roadmap is done.
 *
 * <h2>Definitions</h2>
 * A topic's evidence is its own and all its subtopics': a parent topic aggregates what lies below it.
 * <ul>
 * <li><b>Cards part</b> (when the topic has live items: reviewable sides of cards that are not retired, deleted or
 * suspended): {@code 0.7 × mean retrievability now + 0.3 × share of items in review state}. Retrievability is FSRS's
 * forgetting curve ({@link dev.groundwork.api.review.fsrs.Scheduler#retrievability}); a new item counts as 0.</li>
 * <li><b>Interview part</b> (when the topic has answered questions): the mean of {@code overall / 4}, each answer
 * weighted {@code 0.5^(days since it was answered / 14)}, so that a newer answer counts more. {@code recent} is the
 * latest answer's overall score (0–4).</li>
 * <li><b>Mastery</b>: {@code 0.6 × cards + 0.4 × interview} with both parts; the one part alone; 0 with neither.</li>
 * <li><b>State</b>, the first that holds: {@code not-started} (no item reviewed and no question answered);
 * {@code needs-revision} (the items that reached review, in review or relearning state, have a mean retrievability
 * now below 0.70; or the latest answer scored below 1.5; or it scored at least 1 point below the mean of the earlier
 * answers); {@code solid} (mastery ≥ 0.80); otherwise {@code learning}. Each topic carries a one-line reason.</li>
 * <li><b>Roadmap</b>: its leaf topics (those without subtopics) are counted by state, and {@code completion} is the
 * share of them that are solid (0 for a roadmap without topics).</li>
 * </ul>
 * Mastery, retrievability and completion are answered rounded to 3 decimals, {@code recent} to 2.
 */
package dev.groundwork.api.progress;
