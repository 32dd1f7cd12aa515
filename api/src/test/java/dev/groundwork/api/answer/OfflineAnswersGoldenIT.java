package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.sources;
import static dev.groundwork.api.answer.AnswerStreams.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.EmbeddingModels;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import dev.groundwork.ingest.testdb.TestDatabase;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the offline (extractive) answers to a fixed set of questions on the Redis mirror topic: each answer's text and
 * its citations must be exactly those in {@code src/test/resources/answer/offline-answers.json}. It guards the
 * extractive generator's speed-ups (the sentence-vector cache) against changing what learners read.
 *
 * <p>The golden is for the embedding model the ITs use, the deterministic {@code HashingEmbeddingModel}
 * (id {@code HashingEmbeddingModel-384}), not the ONNX model; the test checks that.
 * The sources each question retrieved are recorded too, so that a failure says whether retrieval or the generator
 * changed what is answered.
 *
 * <p>To re-record (only after a deliberate change of retrieval or of the extractive answers), from the repository
 * root, with the database environment set (see {@code scripts/db.sh env}):
 * <pre>{@code
 * ./mvnw -B -q -o -pl api -am -Dskip.npm verify -Dtest=none -Dit.test=OfflineAnswersGoldenIT \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dgolden.record=true -Dgroundwork.generation.sentence-cache-vectors=0
 * }</pre>
 * The last property records from the uncached path (every question embeds its own shortlist, as before the cache);
 * the test then reports itself skipped. Run it again without both properties to check the default (cached) path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({OfflineAnswersGoldenIT.OwnDatabase.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class OfflineAnswersGoldenIT extends MirrorAppTest {

    /**
     * A database of its own: BM25 scores a chunk with the statistics of every stored chunk, so the chunks other test
     * classes of this JVM store in the shared database would change the ranking, and the golden with it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        JdbcConnectionDetails offlineGoldenDatabase() {
            return TestDatabaseConfiguration.connectionTo(TestDatabase.named("offline-golden"));
        }
    }

    static final String GOLDEN = "answer/offline-answers.json";
    static final List<String> QUESTIONS = List.of(
            "How do I install Redis and connect with redis-cli?",
            "What is Redis?",
            "How do I store and read a string with SET and GET?",
            "How do I create a search index on JSON documents?",
            "What is vector search and how does Redis support it?",
            "How does Redis help with retrieval augmented generation?",
            "Which data types does Redis provide?",
            "How do I model my data as hashes?",
            "What is the cache-aside pattern?",
            "How does LRU eviction differ from LFU?",
            "How do I run a full-text query with wildcards?",
            "Can I use Redis as a message broker with streams or pub/sub?",
            "What is the fastest way to start with Redis Cloud?",
            "How do keys expire?");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;
    @Autowired
    EmbeddingModel model;

    /** What one question was answered: the sources retrieved, the answer's text and its citations. */
    record Answer(String question, List<String> sources, String text, List<Citation> citations) {
    }

    record Citation(int n, String chunkId) {
    }

    record Golden(String model, List<Answer> answers) {
    }

    @Test
    void offlineAnswersAreTheRecordedOnes() throws IOException {
        String topicId = redisTopic();
        List<Answer> answers = new ArrayList<>();
        for (String question : QUESTIONS) {
            answers.add(answer(question, topicId));
        }
        if (Boolean.getBoolean("golden.record")) {
            Path file = Path.of("src/test/resources", GOLDEN);
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                    new Golden(EmbeddingModels.id(model), answers));
            Assumptions.abort("recorded " + answers.size() + " answers in " + file.toAbsolutePath());
        }
        Golden golden = read();
        assertThat(EmbeddingModels.id(model)).as("the golden was recorded with this embedding model")
                .isEqualTo(golden.model());
        assertThat(answers).extracting(Answer::question).containsExactlyElementsOf(
                golden.answers().stream().map(Answer::question).toList());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < answers.size(); i++) {
            Answer actual = answers.get(i);
            Answer expected = golden.answers().get(i);
            soft.assertThat(actual.sources()).as("sources retrieved for \"%s\" (retrieval changed)", actual.question())
                    .isEqualTo(expected.sources());
            soft.assertThat(actual.text()).as("answer to \"%s\"", actual.question()).isEqualTo(expected.text());
            soft.assertThat(actual.citations()).as("citations of \"%s\"", actual.question())
                    .isEqualTo(expected.citations());
        }
        soft.assertAll();
        assertThat(answers).as("the set asks questions that are answered, with citations")
                .filteredOn(a -> !a.citations().isEmpty()).hasSizeGreaterThanOrEqualTo(10);
    }

    private Answer answer(String question, String topicId) {
        var events = ask(http, Map.of("question", question, "topicId", topicId));
        List<String> sources = sources(events).stream().map(s -> (String) s.get("chunkId")).toList();
        List<Citation> citations = events.stream().filter(e -> "citation".equals(e.event()))
                .map(e -> new Citation((Integer) e.data().get("n"), (String) e.data().get("chunkId"))).toList();
        return new Answer(question, sources, text(events), citations);
    }

    private static Golden read() {
        try (InputStream in = OfflineAnswersGoldenIT.class.getResourceAsStream("/" + GOLDEN)) {
            assertThat(in).as("golden file %s (record it: see the class comment)", GOLDEN).isNotNull();
            return JSON.readValue(in, Golden.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
