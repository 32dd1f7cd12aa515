package dev.groundwork.api.review.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Scheduler PLAIN = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(false));
    private static final Scheduler FUZZED = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(true));

    /** An item in review, last graded 40 days before {@link #NOW}, due 40 days after that. */
    private static ItemState reviewItem(double stability, double difficulty) {
        Instant last = NOW.minus(Duration.ofDays(40));
        return new ItemState(State.REVIEW, 0, stability, difficulty, last.plus(Duration.ofDays(40)), last, 40, 6, 1);
    }

    @Test
    void newItemGradedAgainComesBackInOneMinute() {
        ItemState next = PLAIN.next(ItemState.NEW, Rating.AGAIN, NOW, 1);

        assertThat(next.state()).isEqualTo(State.LEARNING);
        assertThat(next.due()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(next.step()).isZero();
        assertThat(next.reps()).isEqualTo(1);
    }

    @Test
    void newItemGradedHardWaitsTheMeanOfTheFirstTwoSteps() {
        assertThat(PLAIN.next(ItemState.NEW, Rating.HARD, NOW, 1).due()).isEqualTo(NOW.plus(Duration.ofMinutes(6)));
    }

    @Test
    void goodMovesThroughTheTenMinuteStepThenGraduatesToDays() {
        ItemState learning = PLAIN.next(ItemState.NEW, Rating.GOOD, NOW, 1);
        assertThat(learning.state()).isEqualTo(State.LEARNING);
        assertThat(learning.due()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(learning.step()).isEqualTo(1);
        assertThat(learning.scheduledDays()).isZero();

        ItemState graduated = PLAIN.next(learning, Rating.GOOD, learning.due(), 2);
        assertThat(graduated.state()).isEqualTo(State.REVIEW);
        assertThat(graduated.scheduledDays()).isGreaterThanOrEqualTo(1);
        assertThat(graduated.due()).isEqualTo(learning.due().plus(Duration.ofDays(graduated.scheduledDays())));
        assertThat(graduated.step()).isZero();
        assertThat(graduated.reps()).isEqualTo(2);
    }

    @Test
    void easyOnANewItemSkipsTheSteps() {
        ItemState next = PLAIN.next(ItemState.NEW, Rating.EASY, NOW, 1);

        assertThat(next.state()).isEqualTo(State.REVIEW);
        assertThat(next.scheduledDays()).isEqualTo(8);
    }

    @Test
    void forgettingAReviewItemCountsOneLapseAndRelearnsInTenMinutes() {
        ItemState relearning = PLAIN.next(reviewItem(40, 5), Rating.AGAIN, NOW, 1);
        assertThat(relearning.state()).isEqualTo(State.RELEARNING);
        assertThat(relearning.due()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(relearning.lapses()).isEqualTo(2);
        assertThat(relearning.stability()).isLessThan(40);

        ItemState again = PLAIN.next(relearning, Rating.AGAIN, relearning.due(), 2);
        assertThat(again.state()).isEqualTo(State.RELEARNING);
        assertThat(again.lapses()).as("again while relearning is no new lapse").isEqualTo(2);

        ItemState back = PLAIN.next(again, Rating.GOOD, again.due(), 3);
        assertThat(back.state()).isEqualTo(State.REVIEW);
        assertThat(back.lapses()).isEqualTo(2);
        assertThat(back.scheduledDays()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void previewGivesFourOrderedOutcomesForAReviewItem() {
        for (double stability : new double[] { 0.5, 3, 40, 400 }) {
            for (double difficulty : new double[] { 1, 5, 10 }) {
                ItemState item = reviewItem(stability, difficulty);
                Map<Rating, ItemState> preview = FUZZED.preview(item, NOW, 42);

                assertThat(preview).containsOnlyKeys(Rating.values());
                assertThat(preview.get(Rating.AGAIN).due()).isBeforeOrEqualTo(preview.get(Rating.HARD).due());
                assertThat(preview.get(Rating.HARD).due()).isBeforeOrEqualTo(preview.get(Rating.GOOD).due());
                assertThat(preview.get(Rating.GOOD).due()).isBeforeOrEqualTo(preview.get(Rating.EASY).due());
                for (Rating rating : Rating.values()) {
                    assertThat(preview.get(rating)).isEqualTo(FUZZED.next(item, rating, NOW, 42));
                }
            }
        }
    }

    @Test
    void fuzzIsTheSameForTheSameSeedAndStaysInTsFsrsRange() {
        ItemState item = reviewItem(40, 5);
        int plain = PLAIN.next(item, Rating.GOOD, NOW, 7).scheduledDays();
        Fuzz.Range range = Fuzz.range(plain, 40, 36500);
        Set<Integer> seen = new HashSet<>();

        for (long seed = 0; seed < 200; seed++) {
            ItemState fuzzed = FUZZED.next(item, Rating.GOOD, NOW, seed);
            assertThat(FUZZED.next(item, Rating.GOOD, NOW, seed)).isEqualTo(fuzzed);
            assertThat(fuzzed.scheduledDays()).isBetween(range.min(), range.max());
            seen.add(fuzzed.scheduledDays());
        }
        assertThat(plain).isGreaterThan(20);
        assertThat(seen).as("different seeds spread the interval").hasSizeGreaterThan(3);
    }

    @Test
    void fuzzOffGivesTheSameUnfuzzedIntervalForEverySeed() {
        ItemState item = reviewItem(40, 5);
        Set<Integer> days = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            days.add(PLAIN.next(item, Rating.GOOD, NOW, seed).scheduledDays());
        }
        assertThat(days).hasSize(1);
    }

    @Test
    void shortIntervalsAreNeverFuzzed() {
        ItemState learning = PLAIN.next(ItemState.NEW, Rating.AGAIN, NOW, 1);
        Set<Integer> days = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            days.add(FUZZED.next(learning, Rating.EASY, learning.due(), seed).scheduledDays());
        }
        assertThat(days).containsExactly(1);
    }

    @Test
    void capsIntervalsAtTheMaximumKeepingGoodAndEasyADayApartAsTsFsrs() {
        Scheduler capped = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(false).withMaximumInterval(30));

        assertThat(capped.next(ItemState.NEW, Rating.EASY, NOW, 1).scheduledDays()).isEqualTo(8);
        Map<Rating, ItemState> preview = capped.preview(reviewItem(400, 5), NOW, 1);
        assertThat(preview.get(Rating.HARD).scheduledDays()).isEqualTo(30);
        assertThat(preview.get(Rating.GOOD).scheduledDays()).isEqualTo(31);
        assertThat(preview.get(Rating.EASY).scheduledDays()).isEqualTo(32);

        Scheduler tight = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(true).withMaximumInterval(5));
        for (long seed = 0; seed < 50; seed++) {
            assertThat(tight.next(ItemState.NEW, Rating.EASY, NOW, seed).scheduledDays()).isBetween(2, 5);
        }
    }

    @Test
    void retrievabilityIsZeroForNewOneAfterAReviewAndTheDesiredRetentionWhenDue() {
        assertThat(PLAIN.retrievability(ItemState.NEW, NOW)).isZero();

        ItemState learning = PLAIN.next(ItemState.NEW, Rating.GOOD, NOW, 1);
        ItemState review = PLAIN.next(learning, Rating.GOOD, learning.due(), 2);
        for (int i = 0; i < 4; i++) {
            review = PLAIN.next(review, Rating.GOOD, review.due(), 3 + i);
            assertThat(PLAIN.retrievability(review, review.lastReview())).isEqualTo(1.0);
            assertThat(PLAIN.retrievability(review, review.due())).isCloseTo(0.9, within(0.01));
            assertThat(PLAIN.retrievability(review, review.due().plus(Duration.ofDays(30)))).isLessThan(0.9);
        }

        Scheduler lenient = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(false).withRetention(0.8));
        ItemState item = reviewItem(60, 5);
        ItemState next = lenient.next(item, Rating.GOOD, NOW, 1);
        assertThat(lenient.retrievability(next, next.due())).isCloseTo(0.8, within(0.01));
    }

    @Test
    void sameUtcDateReviewsUseTheShortTermFormulaAndMidnightEndsIt() {
        Instant lateEvening = Instant.parse("2026-03-10T23:50:00Z");
        ItemState item = reviewItem(40, 5);
        ItemState graded = PLAIN.next(item, Rating.GOOD, lateEvening, 1);

        ItemState sameDate = PLAIN.next(graded, Rating.GOOD, lateEvening.plus(Duration.ofMinutes(5)), 2);
        ItemState nextDate = PLAIN.next(graded, Rating.GOOD, lateEvening.plus(Duration.ofMinutes(15)), 2);

        assertThat(sameDate.stability()).isLessThan(nextDate.stability());
        assertThat(sameDate.stability()).isCloseTo(graded.stability(), within(graded.stability() * 0.1));
    }

    @Test
    void rejectsAReviewOnADateBeforeTheLastOne() {
        ItemState item = reviewItem(40, 5);
        assertThatThrownBy(() -> PLAIN.next(item, Rating.GOOD, item.lastReview().minus(Duration.ofDays(1)), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fuzzSeedDependsOnTheItemAndTheReviewNumberOnly() {
        UUID item = UUID.fromString("6f1c7a52-7f6b-4f0e-9a43-1f5e2a9d3c10");
        UUID other = UUID.fromString("6f1c7a52-7f6b-4f0e-9a43-1f5e2a9d3c11");

        assertThat(Scheduler.fuzzSeed(item, 3)).isEqualTo(Scheduler.fuzzSeed(item, 3));
        assertThat(Scheduler.fuzzSeed(item, 3)).isNotEqualTo(Scheduler.fuzzSeed(item, 4));
        assertThat(Scheduler.fuzzSeed(item, 3)).isNotEqualTo(Scheduler.fuzzSeed(other, 3));
        assertThat(IntStream.range(0, 100).mapToLong(reps -> Scheduler.fuzzSeed(item, reps)).distinct().count())
                .isEqualTo(100);
    }
}
