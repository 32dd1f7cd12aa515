package dev.groundwork.api.progress;

import dev.groundwork.api.progress.Evidence.Answer;
import dev.groundwork.api.progress.ProgressViews.CardsPart;
import dev.groundwork.api.progress.ProgressViews.InterviewPart;
import dev.groundwork.api.progress.ProgressViews.TopicProgress;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Scheduler;
import dev.groundwork.api.review.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges one topic from its evidence: mastery, state and the reason for it, as the package documentation defines
 * them. Retrievability comes from the FSRS scheduler's forgetting curve. Pure: no clock, database or Spring; safe to
 * share between threads.
 */
final class Mastery {

    static final double RETRIEVABILITY_WEIGHT = 0.7;
    static final double IN_REVIEW_WEIGHT = 0.3;
    static final double CARDS_WEIGHT = 0.6;
    static final double INTERVIEW_WEIGHT = 0.4;
    static final Duration HALF_LIFE = Duration.ofDays(14);
    static final double MAX_SCORE = 4;
    /** Mastery from which a topic is solid. */
    static final double SOLID = 0.80;
    /** Mean retrievability of the items that reached review below which they need revising. */
    static final double FADED = 0.70;
    /** A latest interview answer below this score needs revising. */
    static final double POOR_ANSWER = 1.5;
    /** A latest answer this far below the mean of the earlier ones needs revising. */
    static final double DROP = 1.0;
    private static final double EPSILON = 1e-9;

    private final Scheduler fsrs;

    Mastery(Scheduler fsrs) {
        this.fsrs = fsrs;
    }

    TopicProgress assess(String topicId, Evidence evidence, Instant now) {
        Cards cards = cards(evidence.items(), now);
        Interview interview = interview(evidence.answers(), now);
        double mastery = cards.score() == null ? (interview.score() == null ? 0 : interview.score())
                : interview.score() == null ? cards.score()
                : CARDS_WEIGHT * cards.score() + INTERVIEW_WEIGHT * interview.score();
        Verdict verdict = verdict(cards, interview, mastery);
        return new TopicProgress(topicId, verdict.state(), round(mastery, 3),
                new CardsPart(cards.count(), cards.inReview(),
                        cards.meanRecall() == null ? null : round(cards.meanRecall(), 3)),
                new InterviewPart(interview.answered(),
                        interview.recent() == null ? null : round(interview.recent(), 2)),
                verdict.reason());
    }

    /** The first state that holds, in the order the package documentation gives, and why. */
    private static Verdict verdict(Cards cards, Interview interview, double mastery) {
        if (cards.reviewed() == 0 && interview.answered() == 0) {
            return new Verdict(TopicState.NOT_STARTED, cards.count() == 0
                    ? "No cards reviewed and no interview questions answered yet."
                    : "None of its " + cards.count() + " card items reviewed and no interview questions answered yet.");
        }
        if (cards.graduatedRecall() != null && cards.graduatedRecall() < FADED) {
            return new Verdict(TopicState.NEEDS_REVISION, "Recall of the cards you had learnt has fallen to "
                    + percent(cards.graduatedRecall()) + " (below " + percent(FADED) + ").");
        }
        if (interview.answered() > 0 && interview.recent() < POOR_ANSWER) {
            return new Verdict(TopicState.NEEDS_REVISION, "The latest interview answer scored "
                    + score(interview.recent()) + "/4 (below " + score(POOR_ANSWER) + ").");
        }
        if (interview.earlierMean() != null && interview.earlierMean() - interview.recent() >= DROP - EPSILON) {
            return new Verdict(TopicState.NEEDS_REVISION, "The latest interview answer scored "
                    + score(interview.recent()) + "/4, " + score(interview.earlierMean() - interview.recent())
                    + " below the earlier mean of " + score(interview.earlierMean()) + ".");
        }
        if (mastery >= SOLID - EPSILON) {
            return new Verdict(TopicState.SOLID,
                    "Mastery " + percent(mastery) + " (solid from " + percent(SOLID) + ").");
        }
        return new Verdict(TopicState.LEARNING, "Mastery " + percent(mastery) + "; solid from " + percent(SOLID) + ".");
    }

    private Cards cards(List<ItemState> items, Instant now) {
        int inReview = 0;
        int reviewed = 0;
        int graduated = 0;
        double recall = 0;
        double graduatedRecall = 0;
        for (ItemState item : items) {
            double r = fsrs.retrievability(item, now);      // 0 for a new item
            recall += r;
            if (item.state() != State.NEW) {
                reviewed++;
            }
            if (item.state() == State.REVIEW) {
                inReview++;
            }
            if (item.state() == State.REVIEW || item.state() == State.RELEARNING) {
                graduated++;
                graduatedRecall += r;
            }
        }
        if (items.isEmpty()) {
            return new Cards(0, 0, 0, null, null, null);
        }
        double mean = recall / items.size();
        double score = RETRIEVABILITY_WEIGHT * mean + IN_REVIEW_WEIGHT * inReview / items.size();
        return new Cards(items.size(), inReview, reviewed, mean, graduated == 0 ? null : graduatedRecall / graduated,
                score);
    }

    private static Interview interview(List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return new Interview(0, null, null, null);
        }
        List<Answer> byTime = answers.stream().sorted(Comparator.comparing(Answer::answeredAt)).toList();
        double weighted = 0;
        double weights = 0;
        for (Answer answer : byTime) {
            double weight = recency(answer.answeredAt(), now);
            weighted += weight * answer.overall() / MAX_SCORE;
            weights += weight;
        }
        Answer latest = byTime.get(byTime.size() - 1);
        List<Answer> earlier = byTime.subList(0, byTime.size() - 1);
        Double earlierMean = earlier.isEmpty() ? null
                : earlier.stream().mapToDouble(Answer::overall).average().orElseThrow();
        return new Interview(byTime.size(), latest.overall(), earlierMean, weighted / weights);
    }

    /** {@code 0.5^(age / half-life)}: 1 for an answer given now, ½ for one given a half-life ago. */
    static double recency(Instant answeredAt, Instant now) {
        double age = Math.max(0, Duration.between(answeredAt, now).toMillis());
        return Math.pow(0.5, age / HALF_LIFE.toMillis());
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /**
     * The cards part: live items, those in review state, those ever reviewed, the mean retrievability of all and of
     * those in review or relearning ({@code null} when there are none), and the part's score ({@code null} without
     * items).
     */
    private record Cards(int count, int inReview, int reviewed, Double meanRecall, Double graduatedRecall,
            Double score) {
    }

    private record Verdict(TopicState state, String reason) {
    }

    /** The interview part: answers, the latest score, the mean of the earlier ones, and the weighted score. */
    private record Interview(int answered, Double recent, Double earlierMean, Double score) {
    }
}
