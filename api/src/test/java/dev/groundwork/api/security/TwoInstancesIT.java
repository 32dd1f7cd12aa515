package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.SignedIn;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two app instances on one database, as behind a load balancer: everything about who is signed in lives in
 * PostgreSQL, so a session or token made on one instance works on the other, and signing out, revoking, disabling a
 * learner or changing a setting on one takes effect on both at once. Instance 1 is this test's context, instance 2
 * a second app started here on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.security.mode=accounts", "groundwork.ingest.background=false"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TwoInstancesIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final String PASSWORD = "correct horse battery";

    static ConfigurableApplicationContext second;
    static WebTestClient two;

    @Autowired
    WebTestClient one;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startTheSecondInstance() {
        second = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> BenchApp.start(TestDatabase.get(),
                Map.of("groundwork.security.mode", "accounts"), HashingEmbeddingConfiguration.class));
        String port = second.getEnvironment().getProperty("local.server.port");
        two = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void freshInstall() {
        SignedIn.reset(jdbc);
    }

    @Test
    void aSessionMadeOnOneWorksOnTheOtherAndLoggingOutOnEitherEndsItOnBoth() {
        assertThat(one).isNotSameAs(two);
        SignedIn onOne = SignedIn.setup(one, "ada", PASSWORD);
        WebTestClient sameOnTwo = carried(onOne, two);

        Map<String, Object> learner = (Map<String, Object>) state(sameOnTwo).get("learner");
        assertThat(learner).containsEntry("id", onOne.learnerId()).containsEntry("username", "ada");
        // a write on instance 2 with the CSRF token instance 1 handed out
        sameOnTwo.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "made on two", "scope", "read")).exchange().expectStatus().isCreated();
        onOne.client().get().uri("/api/tokens").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].name").isEqualTo("made on two");
        // without the CSRF header instance 2 refuses it, as instance 1 would
        two.post().uri("/api/tokens").cookie(SignedIn.SESSION_COOKIE, onOne.session())
                .cookie(SignedIn.CSRF_COOKIE, onOne.csrf()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "forged", "scope", "read")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:csrf");

        sameOnTwo.post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
        onOne.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        sameOnTwo.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();

        // and the other way round: made on 2, ended on 1
        SignedIn onTwo = SignedIn.login(two, "ada", PASSWORD);
        WebTestClient sameOnOne = carried(onTwo, one);
        sameOnOne.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        sameOnOne.post().uri("/api/auth/logout-everywhere").exchange().expectStatus().isNoContent();
        onTwo.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTokenMadeOnOneWorksOnTheOtherAndRevokedOnEitherFailsOnBothAtOnce() {
        SignedIn admin = SignedIn.setup(one, "ada", PASSWORD);
        String secret = admin.token("script", "read-write");
        WebTestClient viaOne = SignedIn.bearer(one, secret);
        WebTestClient viaTwo = SignedIn.bearer(two, secret);
        viaOne.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        viaTwo.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        viaTwo.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "by script on two", "scope", "read")).exchange().expectStatus().isCreated();

        String id = jdbc.sql("SELECT id::text FROM api_token WHERE name = 'script'").query(String.class).single();
        carried(admin, two).delete().uri("/api/tokens/{id}", id).exchange().expectStatus().isNoContent();
        for (WebTestClient client : List.of(viaOne, viaTwo)) {
            client.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:unauthenticated");
        }
    }

    @Test
    void anAdminDisablingALearnerOnOneLocksThemOutOfTheOther() {
        SignedIn admin = SignedIn.setup(one, "ada", PASSWORD);
        SignedIn bob = admin.invite(one, "bob", PASSWORD);
        WebTestClient bobOnTwo = carried(bob, two);
        WebTestClient bobsScriptOnTwo = SignedIn.bearer(two, bob.token("script", "read-write"));
        bobOnTwo.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        bobsScriptOnTwo.get().uri("/api/roadmaps").exchange().expectStatus().isOk();

        admin.client().post().uri("/api/admin/users/{id}/disable", bob.learnerId()).exchange()
                .expectStatus().isNoContent();
        bobOnTwo.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        bobsScriptOnTwo.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        String csrf = SignedIn.csrf(two);
        SignedIn.attempt(two, csrf, "/api/auth/login", Map.of("login", "bob", "password", PASSWORD))
                .expectStatus().isUnauthorized();
        assertThat((List<Map<String, Object>>) carried(admin, two).get().uri("/api/admin/users").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody())
                .filteredOn(u -> "bob".equals(u.get("username"))).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("disabled", true));

        carried(admin, two).post().uri("/api/admin/users/{id}/enable", bob.learnerId()).exchange()
                .expectStatus().isNoContent();
        SignedIn.login(one, "bob", PASSWORD).client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
    }

    @Test
    void aSettingChangedOnOneIsSeenByTheOther() {
        SignedIn admin = SignedIn.setup(one, "ada", PASSWORD);
        SignedIn bob = admin.invite(one, "bob", PASSWORD);
        assertThat(state(two)).containsEntry("registration", "invite");

        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "open", "imports", "admins")).exchange().expectStatus().isOk();
        assertThat(state(two)).containsEntry("registration", "open");
        carried(admin, two).get().uri("/api/admin/settings").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registration").isEqualTo("open").jsonPath("$.imports").isEqualTo("admins");
        SignedIn.register(two, "carol", PASSWORD, null).client().get().uri("/api/roadmaps").exchange()
                .expectStatus().isOk();
        carried(bob, two).post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Two Plan\n\n## Week 1\n- Settings\n").exchange().expectStatus().isForbidden();

        carried(admin, two).put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "invite", "imports", "learners")).exchange().expectStatus().isOk();
        assertThat(state(one)).containsEntry("registration", "invite");
        String csrf = SignedIn.csrf(one);
        SignedIn.attempt(one, csrf, "/api/auth/register", Map.of("username", "dave", "password", PASSWORD))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:registration-closed");
    }

    /** What a browser signed in through one instance sends to {@code instance}: its cookies and CSRF header. */
    private static WebTestClient carried(SignedIn signedIn, WebTestClient instance) {
        return instance.mutate().defaultCookie(SignedIn.SESSION_COOKIE, signedIn.session())
                .defaultCookie(SignedIn.CSRF_COOKIE, signedIn.csrf())
                .defaultHeader(SignedIn.CSRF_HEADER, signedIn.csrf()).build();
    }

    private static Map<String, Object> state(WebTestClient client) {
        return client.get().uri("/api/auth/state").exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }
}
