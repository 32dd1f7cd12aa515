package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Single-user mode: no login, the local learner on every request (an admin, so health shows details), writes a
 * browser marks as cross-site refused, and the app refuses to start unless it listens on loopback only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.security.mode=single-user", "groundwork.ingest.background=false"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class SingleUserModeIT {

    static final String ROADMAP = "# Solo Plan\n\n## Week 1\n- Being alone\n";

    @Autowired
    WebTestClient http;
    final TestDatabase db = TestDatabase.get();

    @Test
    void everyRequestActsForTheLocalLearnerWithoutALogin() {
        http.get().uri("/api/auth/state").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.mode").isEqualTo("single-user").jsonPath("$.setupRequired").isEqualTo(false)
                .jsonPath("$.learner.id").isEqualTo("00000000-0000-0000-0000-000000000001");
        http.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.db").exists();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("login", "x", "password", "y")).exchange().expectStatus().isNotFound();
    }

    @Test
    void writesFromAnotherSiteAreRefused() {
        http.post().uri("/api/roadmaps").contentType(MediaType.TEXT_PLAIN).header("Origin", "https://evil.example")
                .bodyValue(ROADMAP).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:csrf");
        http.post().uri("/api/roadmaps").contentType(MediaType.TEXT_PLAIN).header("Sec-Fetch-Site", "cross-site")
                .bodyValue(ROADMAP).exchange().expectStatus().isForbidden();
        http.get().uri("/api/roadmaps").header("Origin", "https://evil.example").exchange().expectStatus().isOk();
        http.get().uri("/api/roadmaps").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.title == 'Solo Plan')]").doesNotExist();
        http.post().uri("/api/roadmaps").contentType(MediaType.TEXT_PLAIN).header("Sec-Fetch-Site", "same-origin")
                .bodyValue(ROADMAP).exchange().expectStatus().isCreated();
    }

    @Test
    void itRefusesToStartOffLoopback() {
        for (String address : new String[] {"0.0.0.0", ""}) {
            assertThatThrownBy(() -> BenchApp.start(db, Map.of("groundwork.security.mode", "single-user",
                    "server.address", address, "spring.main.banner-mode", "off")).close())
                    .hasStackTraceContaining("only listens on loopback");
        }
        BenchApp.start(db, Map.of("groundwork.security.mode", "single-user", "server.address", "127.0.0.1")).close();
        assertThat(Loopback.loopback("::1")).isTrue();
        assertThat(Loopback.loopback("localhost")).isTrue();
        assertThat(Loopback.loopback("192.0.2.7")).isFalse();
    }
}
