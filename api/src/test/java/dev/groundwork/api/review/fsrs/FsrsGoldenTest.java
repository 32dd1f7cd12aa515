package dev.groundwork.api.review.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays review sequences scheduled by ts-fsrs, the reference implementation of FSRS-6, through {@link Scheduler}
 * with fuzz off: every due time and interval must be the same to the millisecond and day, stability and difficulty
 * the same to 1e-6, and state, step, reps and lapses the same.
 *
 * <p>The values are in {@code src/test/resources/review/fsrs-golden.json}, written by
 * {@code scripts/fsrs-golden/generate.mjs} with the ts-fsrs version pinned in its {@code package.json}. To
 * regenerate them: {@code cd scripts/fsrs-golden && npm ci && node generate.mjs}.
 */
class FsrsGoldenTest {

    private static final JsonNode GOLDEN = read("/review/fsrs-golden.json");

    @Test
    void goldenValuesWereMadeWithOurDefaultSettings() {
        JsonNode parameters = GOLDEN.get("parameters");
        List<Double> weights = elements(parameters.get("w")).map(JsonNode::asDouble).toList();
        assertThat(weights).isEqualTo(SchedulerSettings.DEFAULT_WEIGHTS);
        assertThat(elements(parameters.get("learning_steps")).map(JsonNode::asString))
                .containsExactly("1m", "10m");
        assertThat(elements(parameters.get("relearning_steps")).map(JsonNode::asString)).containsExactly("10m");
        assertThat(SchedulerSettings.DEFAULTS.learningSteps())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(SchedulerSettings.DEFAULTS.relearningSteps()).containsExactly(Duration.ofMinutes(10));
        assertThat(parameters.get("enable_short_term").asBoolean()).isTrue();
        assertThat(GOLDEN.get("sequences").size()).isGreaterThanOrEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> schedulesEverySequenceAsTsFsrs() {
        return elements(GOLDEN.get("sequences")).map(sequence -> DynamicTest.dynamicTest(
                "sequence " + sequence.get("id").asInt() + " (" + sequence.get("style").asString() + ")",
                () -> replay(sequence)));
    }

    @Test
    void fuzzRangesAreTsFsrsRanges() {
        elements(GOLDEN.get("fuzz_ranges")).forEach(row -> {
            int interval = row.get(0).asInt();
            int elapsed = row.get(1).asInt();
            int maximum = row.get(2).asInt();
            assertThat(Fuzz.range(interval, elapsed, maximum))
                    .as("fuzz range of %d days, %d elapsed, at most %d", interval, elapsed, maximum)
                    .isEqualTo(new Fuzz.Range(row.get(3).asInt(), row.get(4).asInt()));
        });
    }

    private static void replay(JsonNode sequence) {
        JsonNode settings = sequence.get("settings");
        Scheduler scheduler = new Scheduler(SchedulerSettings.DEFAULTS.withFuzz(false)
                .withRetention(settings.get("request_retention").asDouble())
                .withMaximumInterval(settings.get("maximum_interval").asInt()));
        ItemState item = ItemState.NEW;
        int n = 0;
        for (JsonNode review : sequence.get("reviews")) {
            n++;
            Instant at = Instant.ofEpochMilli(review.get("at").asLong());
            Rating rating = Rating.ofGrade(review.get("rating").asInt());
            item = scheduler.next(item, rating, at, n);
            String where = "review " + n + " (" + rating.label() + " at " + at + ")";
            assertThat(item.state().code()).as(where + " state").isEqualTo(review.get("state").asInt());
            assertThat(item.due()).as(where + " due").isEqualTo(Instant.ofEpochMilli(review.get("due").asLong()));
            assertThat(item.scheduledDays()).as(where + " scheduled days")
                    .isEqualTo(review.get("scheduled_days").asInt());
            assertThat(item.stability()).as(where + " stability")
                    .isCloseTo(review.get("stability").asDouble(), within(1e-6));
            assertThat(item.difficulty()).as(where + " difficulty")
                    .isCloseTo(review.get("difficulty").asDouble(), within(1e-6));
            assertThat(item.step()).as(where + " step").isEqualTo(review.get("learning_steps").asInt());
            assertThat(item.reps()).as(where + " reps").isEqualTo(review.get("reps").asInt());
            assertThat(item.lapses()).as(where + " lapses").isEqualTo(review.get("lapses").asInt());
            assertThat(item.lastReview()).as(where + " last review").isEqualTo(at);
        }
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = FsrsGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing; see the class Javadoc to regenerate it");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
