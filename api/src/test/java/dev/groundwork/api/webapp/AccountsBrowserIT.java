package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.SignedIn;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * End to end in Chromium in accounts mode: first-run setup, signing out and in, a token shown once, an invitation
 * and a learner registering through it and asking in chat ({@code web/e2e/accounts.e2e.mjs}); then the existing chat
 * and review flows, each page signed in as the admin first, seeding their cards with the admin's API token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.ingest.background=false", "groundwork.security.mode=accounts"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class AccountsBrowserIT extends MirrorAppTest {

    private static final String ADMIN = "ada";
    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @TempDir
    Path dir;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebTestClient http;

    @Test
    void setupSignInInvitationThenChatAndReviewSignedIn() throws Exception {
        SignedIn.reset(jdbc);
        String topicId = redisTopic();
        String phoneRoadmap = ingested("""
                # Review drill for accounts
                ## Week 1: Redis behind a sign-in
                - Redis data types and the redis-cli
                - https://redis.io/docs/latest/develop/get-started/
                """, "review-drill-accounts.md");
        Path shots = Files.createDirectories(dir.resolve("shots"));
        String base = "http://127.0.0.1:" + port;

        E2eScript.Result accounts = E2eScript.run("accounts.e2e.mjs", dir, 300,
                "BASE_URL", base, "TOPIC_ID", topicId,
                "QUESTION", "How do I install Redis and connect with redis-cli?",
                "ADMIN_USER", ADMIN, "ADMIN_PASSWORD", PASSWORD, "SCREENSHOT_DIR", shots.toString());
        assertThat(accounts.exitCode()).as(accounts.output()).isZero();
        assertThat(accounts.output()).contains("E2E PASSED");
        assertThat(jdbc.sql("SELECT count(*) FROM learner WHERE role = 'learner' AND password_hash IS NOT NULL")
                .query(Long.class).single()).isEqualTo(1);

        String token = SignedIn.login(http, ADMIN, PASSWORD).token("browser tests", "read-write");
        E2eScript.Result chat = E2eScript.run("chat.e2e.mjs", dir, 200,
                "BASE_URL", base, "TOPIC_ID", topicId,
                "QUESTION", "How do I install Redis and connect with redis-cli?",
                "LOGIN_USER", ADMIN, "LOGIN_PASSWORD", PASSWORD, "API_TOKEN", token);
        assertThat(chat.exitCode()).as(chat.output()).isZero();
        assertThat(chat.output()).contains("offline");

        E2eScript.Result review = E2eScript.run("review.e2e.mjs", dir, 300,
                "BASE_URL", base, "TOPIC_ID", topicId, "PHONE_ROADMAP_ID", phoneRoadmap,
                "LOGIN_USER", ADMIN, "LOGIN_PASSWORD", PASSWORD, "API_TOKEN", token,
                "SCREENSHOT_DIR", shots.toString());
        assertThat(review.exitCode()).as(review.output()).isZero();
        assertThat(review.output()).contains("cards studied by tapping", "E2E PASSED");
    }
}
