package dev.groundwork.api.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.api.progress.Evidence.Answer;
import dev.groundwork.api.progress.ProgressViews.Counts;
import dev.groundwork.api.progress.ProgressViews.RoadmapProgress;
import dev.groundwork.api.progress.ProgressViews.TopicProgress;
import dev.groundwork.api.progress.RoadmapRollup.TopicNode;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Scheduler;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import dev.groundwork.api.review.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mastery, states and the roadmap roll-up with numbers worked out by hand. With FSRS-6's default decay (0.1542), an
 * item's retrievability is 1 just after a grade, 0.9 once as many days as its stability have passed, and
 * {@code (1 + 0.98034649 × 30)^-0.1542 = 0.5906} thirty times its stability later.
 */
class ProgressTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Mastery MASTERY = new Mastery(new Scheduler(SchedulerSettings.DEFAULTS));

    // ---- cards

    @Test
    void nothingDoneIsNotStartedWithNoMastery() {
        TopicProgress none = assess(Evidence.NONE);
        assertThat(none.state()).isEqualTo(TopicState.NOT_STARTED);
        assertThat(none.mastery()).isZero();
        assertThat(none.cards()).isEqualTo(new ProgressViews.CardsPart(0, 0, null));
        assertThat(none.interview()).isEqualTo(new ProgressViews.InterviewPart(0, null));

        TopicProgress unreviewed = assess(cards(ItemState.NEW, ItemState.NEW));
        assertThat(unreviewed.state()).isEqualTo(TopicState.NOT_STARTED);
        assertThat(unreviewed.cards()).isEqualTo(new ProgressViews.CardsPart(2, 0, 0.0));
        assertThat(unreviewed.reason()).contains("2 card items");
    }

    @Test
    void cardsWeighMeanRecallAndTheShareInReview() {
        // R: new 0, just reviewed 1, a stability ago 0.9 → mean 1.9/3; 2 of 3 in review
        // 0.7 × 0.633333 + 0.3 × 0.666667 = 0.443333 + 0.2 = 0.643333
        TopicProgress topic = assess(cards(ItemState.NEW, review(10, 0), review(10, 10)));
        assertThat(topic.cards().count()).isEqualTo(3);
        assertThat(topic.cards().inReview()).isEqualTo(2);
        assertThat(topic.cards().retrievability()).isEqualTo(0.633);
        assertThat(topic.mastery()).isEqualTo(0.643);
        assertThat(topic.state()).isEqualTo(TopicState.LEARNING);
        assertThat(topic.reason()).isEqualTo("Mastery 64%; solid from 80%.");
    }

    @Test
    void anItemInItsLearningStepsIsRecalledButNotYetInReview() {
        TopicProgress topic = assess(cards(item(State.LEARNING, 2.3065, 0)));    // 0.7 × 1 + 0.3 × 0
        assertThat(topic.mastery()).isEqualTo(0.7);
        assertThat(topic.state()).isEqualTo(TopicState.LEARNING);
    }

    @Test
    void everyItemRecalledInReviewIsSolid() {
        TopicProgress topic = assess(cards(review(8, 0), review(20, 0)));
        assertThat(topic.mastery()).isEqualTo(1.0);
        assertThat(topic.state()).isEqualTo(TopicState.SOLID);
        assertThat(topic.reason()).isEqualTo("Mastery 100% (solid from 80%).");
    }

    @Test
    void learntCardsWhoseRecallFellBelowSeventyPercentNeedRevision() {
        // a stability ago 0.9, thirty stabilities ago 0.5906: their mean 0.7453 is above 0.70, and the topic is solid
        // (0.7 × 0.7453 + 0.3 = 0.8217); two at 0.5906 are below
        TopicProgress holding = assess(cards(review(1, 1), review(1, 30)));
        assertThat(holding.mastery()).isEqualTo(0.822);
        assertThat(holding.state()).isEqualTo(TopicState.SOLID);
        TopicProgress faded = assess(new Evidence(List.of(review(1, 30), item(State.RELEARNING, 1, 30)),
                List.of(answer(4.0, 0))));
        assertThat(faded.cards().retrievability()).isCloseTo(0.591, within(0.0005));
        assertThat(faded.state()).as("a perfect interview does not hide fading cards")
                .isEqualTo(TopicState.NEEDS_REVISION);
        assertThat(faded.reason()).isEqualTo("Recall of the cards you had learnt has fallen to 59% (below 70%).");
    }

    @Test
    void newAndLearningItemsDoNotMakeATopicNeedRevision() {
        TopicProgress topic = assess(cards(ItemState.NEW, ItemState.NEW, item(State.LEARNING, 0.2, 3)));
        assertThat(topic.state()).isEqualTo(TopicState.LEARNING);
    }

    // ---- interviews

    @Test
    void interviewAnswersCountLessTheOlderTheyAre() {
        // 2.0 two weeks ago weighs ½, 4.0 now weighs 1: (½ × 0.5 + 1 × 1) / 1.5 = 0.833333
        TopicProgress topic = assess(answers(answer(4.0, 0), answer(2.0, 14)));
        assertThat(topic.mastery()).isEqualTo(0.833);
        assertThat(topic.interview()).isEqualTo(new ProgressViews.InterviewPart(2, 4.0));
        assertThat(topic.state()).isEqualTo(TopicState.SOLID);
        assertThat(Mastery.recency(NOW.minus(Duration.ofDays(28)), NOW)).isEqualTo(0.25);
        assertThat(Mastery.recency(NOW.plus(Duration.ofDays(1)), NOW)).as("never above 1").isEqualTo(1.0);
    }

    @Test
    void aLatestAnswerBelowOneAndAHalfNeedsRevision() {
        TopicProgress poor = assess(answers(answer(1.4, 0)));
        assertThat(poor.state()).isEqualTo(TopicState.NEEDS_REVISION);
        assertThat(poor.reason()).isEqualTo("The latest interview answer scored 1.4/4 (below 1.5).");
        TopicProgress weak = assess(answers(answer(1.5, 0)));
        assertThat(weak.mastery()).isEqualTo(0.375);
        assertThat(weak.state()).isEqualTo(TopicState.LEARNING);
    }

    @Test
    void aLatestAnswerAPointBelowTheEarlierMeanNeedsRevision() {
        // earlier 3.0 and 3.5: mean 3.25
        TopicProgress dropped = assess(answers(answer(3.0, 2), answer(3.5, 1), answer(2.25, 0)));
        assertThat(dropped.state()).isEqualTo(TopicState.NEEDS_REVISION);
        assertThat(dropped.interview().recent()).isEqualTo(2.25);
        assertThat(dropped.reason()).isEqualTo(
                "The latest interview answer scored 2.3/4, 1.0 below the earlier mean of 3.3.");
        // 2.5 is 0.75 below: mean of 3.0, 3.5, 2.5 (all today) = 9 / 12 = 0.75
        TopicProgress dipped = assess(answers(answer(3.0, 0), answer(3.5, 0), answer(2.5, 0)));
        assertThat(dipped.state()).isEqualTo(TopicState.LEARNING);
        assertThat(dipped.mastery()).isEqualTo(0.75);
    }

    @Test
    void solidStartsAtEightyPercentMastery() {
        assertThat(assess(answers(answer(3.2, 0))).state()).isEqualTo(TopicState.SOLID);     // 3.2 / 4 = 0.8
        assertThat(assess(answers(answer(3.1, 0))).state()).isEqualTo(TopicState.LEARNING);  // 0.775
    }

    // ---- both parts

    @Test
    void withBothPartsCardsWeighSixtyAndInterviewsFortyPercent() {
        // cards 0.643333 (as above), interview 0.833333: 0.6 × 0.643333 + 0.4 × 0.833333 = 0.719333
        TopicProgress topic = assess(new Evidence(List.of(ItemState.NEW, review(10, 0), review(10, 10)),
                List.of(answer(4.0, 0), answer(2.0, 14))));
        assertThat(topic.mastery()).isEqualTo(0.719);
        assertThat(topic.state()).isEqualTo(TopicState.LEARNING);
    }

    @Test
    void unreviewedCardsStillCountAgainstAGoodInterview() {
        // cards 0 (one new item), interview 1: 0.6 × 0 + 0.4 × 1
        TopicProgress topic = assess(new Evidence(List.of(ItemState.NEW), List.of(answer(4.0, 0))));
        assertThat(topic.mastery()).isEqualTo(0.4);
        assertThat(topic.state()).isEqualTo(TopicState.LEARNING);
    }

    // ---- the roadmap

    @Test
    void parentsGatherTheirSubtopicsAndCompletionCountsSolidLeaves() {
        List<TopicNode> tree = List.of(new TopicNode("month-1", null), new TopicNode("week-1", "month-1"),
                new TopicNode("week-2", "month-1"), new TopicNode("month-2", null));
        Map<String, Evidence> evidence = Map.of(
                "week-1", cards(review(5, 0)),                               // 1.0 solid
                "week-2", cards(item(State.LEARNING, 2.3065, 0)));          // 0.7 learning
        RoadmapProgress roadmap = new RoadmapRollup(MASTERY).rollUp("plan", tree, evidence, NOW);

        assertThat(roadmap.topics()).extracting(TopicProgress::topicId)
                .containsExactly("month-1", "week-1", "week-2", "month-2");
        TopicProgress month = roadmap.topics().get(0);
        // its two items: both recalled (mean 1), one in review (½): 0.7 + 0.15
        assertThat(month.cards()).isEqualTo(new ProgressViews.CardsPart(2, 1, 1.0));
        assertThat(month.mastery()).isEqualTo(0.85);
        assertThat(month.state()).isEqualTo(TopicState.SOLID);
        assertThat(roadmap.topics()).extracting(TopicProgress::state).containsExactly(TopicState.SOLID,
                TopicState.SOLID, TopicState.LEARNING, TopicState.NOT_STARTED);
        assertThat(roadmap.counts()).as("leaves only").isEqualTo(new Counts(1, 1, 1, 0));
        assertThat(roadmap.completion()).isEqualTo(0.333);
    }

    @Test
    void aPoorAnswerOnASubtopicMakesItsParentNeedRevisionToo() {
        List<TopicNode> tree = List.of(new TopicNode("month-1", null), new TopicNode("week-1", "month-1"),
                new TopicNode("week-2", "month-1"));
        Map<String, Evidence> evidence = Map.of("week-1", answers(answer(3.5, 3)), "week-2", answers(answer(1.0, 0)));
        RoadmapProgress roadmap = new RoadmapRollup(MASTERY).rollUp("plan", tree, evidence, NOW);
        assertThat(roadmap.topics()).extracting(TopicProgress::state).containsExactly(TopicState.NEEDS_REVISION,
                TopicState.SOLID, TopicState.NEEDS_REVISION);
        assertThat(roadmap.topics().get(0).interview()).isEqualTo(new ProgressViews.InterviewPart(2, 1.0));
        assertThat(roadmap.counts()).isEqualTo(new Counts(0, 0, 1, 1));
        assertThat(roadmap.completion()).isEqualTo(0.5);
    }

    @Test
    void aRoadmapWithoutTopicsIsNotComplete() {
        RoadmapProgress empty = new RoadmapRollup(MASTERY).rollUp("plan", List.of(), Map.of(), NOW);
        assertThat(empty.completion()).isZero();
        assertThat(empty.counts()).isEqualTo(new Counts(0, 0, 0, 0));
    }

    // ---- helpers

    static TopicProgress assess(Evidence evidence) {
        return MASTERY.assess("topic", evidence, NOW);
    }

    static Evidence cards(ItemState... items) {
        return new Evidence(List.of(items), List.of());
    }

    static Evidence answers(Answer... answers) {
        return new Evidence(List.of(), List.of(answers));
    }

    static Answer answer(double overall, int daysAgo) {
        return new Answer(overall, NOW.minus(Duration.ofDays(daysAgo)));
    }

    static ItemState review(double stability, int daysAgo) {
        return item(State.REVIEW, stability, daysAgo);
    }

    static ItemState item(State state, double stability, int daysAgo) {
        Instant last = NOW.minus(Duration.ofDays(daysAgo));
        return new ItemState(state, 0, stability, 5, last.plus(Duration.ofDays(1)), last, 1, 2, 0);
    }
}
