package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.TestClock;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

// imports are the limited requests here: cheap, and counted whatever their outcome
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false", "groundwork.limits.imports=3", "groundwork.limits.answers=1"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, TwoLearners.class, TestClock.class})
class RateLimitApiIT {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");
    static final String PLAN = "# Limits Plan\n\n## Week 1: Buckets\n\n- Fixed windows\n";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String learner = UUID.randomUUID().toString();

    @BeforeEach
    void freshWindows() {
        TestClock.reset();
        jdbc.sql("DELETE FROM rate_window").update();
    }

    @Test
    void answersTooManyRequestsWithRetryAfterAndAProblemOnceOverTheLimit() {
        TestClock.advance(Duration.ofSeconds(17));
        for (int i = 1; i <= 3; i++) {
            importPlan(http, learner).expectStatus().is2xxSuccessful()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(3 - i));
        }

        importPlan(http, learner).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "43")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:groundwork:problem:rate-limited")
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(detail -> assertThat(detail).asString().contains("43 seconds"));
        http.get().uri("/api/roadmaps").header(TwoLearners.HEADER, learner).exchange().expectStatus().isOk();
    }

    @Test
    void countsEachLearnerApart() {
        for (int i = 0; i < 4; i++) {
            importPlan(http, null);
        }
        importPlan(http, null).expectStatus().isEqualTo(429);

        importPlan(http, "b").expectStatus().is2xxSuccessful()
                .expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void aNewWindowAllowsRequestsAgain() {
        for (int i = 0; i < 3; i++) {
            importPlan(http, learner).expectStatus().is2xxSuccessful();
        }
        TestClock.advance(Duration.ofSeconds(59));
        importPlan(http, learner).expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "1");

        TestClock.advance(Duration.ofSeconds(1));

        importPlan(http, learner).expectStatus().is2xxSuccessful().expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void theOpenAiEndpointIsRefusedInOpenAisErrorShape() {
        http.post().uri("/v1/chat/completions").header(TwoLearners.HEADER, learner).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectHeader().valueEquals("RateLimit-Remaining", "0");

        http.post().uri("/v1/chat/completions").header(TwoLearners.HEADER, learner).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.message").isNotEmpty()
                .jsonPath("$.error.type").isEqualTo("requests")
                .jsonPath("$.error.param").doesNotExist()
                .jsonPath("$.error.code").isEqualTo("rate_limit_exceeded")
                .jsonPath("$.type").doesNotExist();
    }

    @Test
    void twoAppInstancesOnOneDatabaseCountTogether() {
        try (ConfigurableApplicationContext second = BenchApp.start(TestDatabase.get(),
                Map.of("groundwork.limits.imports", "3", "groundwork.limits.answers", "1"),
                SecondInstance.class)) {
            WebTestClient other = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();

            importPlan(http, learner).expectStatus().is2xxSuccessful();
            importPlan(other, learner).expectStatus().is2xxSuccessful()
                    .expectHeader().valueEquals("RateLimit-Remaining", "1");
            importPlan(http, learner).expectStatus().is2xxSuccessful();

            importPlan(other, learner).expectStatus().isEqualTo(429);
            importPlan(http, learner).expectStatus().isEqualTo(429);
        }
    }

    /** The second app's test beans, imported by class name (as sources their bean names clash). */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({TwoLearners.class, TestClock.class})
    static class SecondInstance {
    }

    private static WebTestClient.ResponseSpec importPlan(WebTestClient client, String learner) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/roadmaps").contentType(MARKDOWN);
        if (learner != null) {
            request.header(TwoLearners.HEADER, learner);
        }
        return request.bodyValue(PLAN).exchange();
    }
}
