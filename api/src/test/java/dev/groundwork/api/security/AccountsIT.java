package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.SignedIn;
import dev.groundwork.api.testing.TestClock;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Accounts mode over HTTP: first-run setup, signing in and out, sessions kept in PostgreSQL (idle expiry, log out
 * everywhere), personal API tokens (scopes, revocation, expiry, tampering), invitations and registration, an admin
 * disabling a learner, and the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.security.mode=accounts", "groundwork.ingest.background=false"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TestClock.class})
@ExtendWith(OutputCaptureExtension.class)
class AccountsIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final String PASSWORD = "correct horse battery";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshInstall() {
        TestClock.reset();
        SignedIn.reset(jdbc);
    }

    @Test
    void firstRunSetupCreatesTheAdminOnce() {
        assertThat(state(http)).containsEntry("mode", "accounts").containsEntry("setupRequired", true)
                .containsEntry("learner", null);
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        Map<String, Object> state = state(admin.client());
        assertThat(state).containsEntry("setupRequired", false);
        assertThat((Map<String, Object>) state.get("learner")).containsEntry("username", "ada")
                .containsEntry("role", "admin");

        String csrf = SignedIn.csrf(http);
        SignedIn.attempt(http, csrf, "/api/auth/setup", Map.of("username", "mallory", "password", PASSWORD))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:setup-done");
        assertThat(jdbc.sql("SELECT count(*) FROM learner WHERE username = 'mallory'").query(Long.class).single())
                .isZero();
    }

    @Test
    void everyApiRequestNeedsASignInButTheWebAppAndHealthDoNot() {
        http.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:unauthenticated");
        http.get().uri("/v1/models").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_api_key");
        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    }

    @Test
    void aWrongPasswordOrUnknownLoginIsRefusedAndAudited() {
        SignedIn.setup(http, "ada", PASSWORD);
        String csrf = SignedIn.csrf(http);
        for (Map<String, String> body : List.of(Map.of("login", "ada", "password", "wrong password!"),
                Map.of("login", "nobody", "password", PASSWORD))) {
            SignedIn.attempt(http, csrf, "/api/auth/login", body)
                    .expectStatus().isUnauthorized().expectCookie().doesNotExist(SignedIn.SESSION_COOKIE)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:bad-credentials");
        }
        SignedIn again = SignedIn.login(http, "ada", PASSWORD);
        again.client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        assertThat(jdbc.sql("SELECT action FROM audit_event ORDER BY id").query(String.class).list())
                .containsExactly("setup", "sign-in-failed", "sign-in-failed", "sign-in");
        assertThat(jdbc.sql("SELECT detail::text FROM audit_event").query(String.class).list())
                .noneMatch(detail -> detail.contains(PASSWORD) || detail.contains("wrong password"));
    }

    @Test
    void cookieSignedWritesNeedTheCsrfTokenButBearerTokensDoNot() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        WebTestClient noHeader = http.mutate().defaultCookie(SignedIn.SESSION_COOKIE, admin.session())
                .defaultCookie(SignedIn.CSRF_COOKIE, admin.csrf()).build();
        noHeader.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "scope", "read")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:csrf");
        noHeader.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON).header(SignedIn.CSRF_HEADER, "forged")
                .bodyValue(Map.of("name", "x", "scope", "read")).exchange().expectStatus().isForbidden();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single()).isZero();

        String token = admin.token("script", "read-write");
        SignedIn.bearer(http, token).post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Csrf Plan\n\n## Week 1\n- Tokens\n").exchange().expectStatus().isCreated();
    }

    @Test
    void tokensAreShownOnceScopedRevocableAndExpire() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        String read = admin.token("reader", "read");
        assertThat(read).startsWith("gw_");
        List<Map<String, Object>> listed = admin.client().get().uri("/api/tokens").exchange().expectStatus().isOk()
                .expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("name", "reader").containsEntry("scope", "read").doesNotContainKey("secret");
            assertThat(read).contains((String) t.get("prefix"));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE encode(secret_hash, 'escape') LIKE ?")
                .param("%" + read.substring(read.lastIndexOf('_') + 1) + "%").query(Long.class).single()).isZero();

        WebTestClient reader = SignedIn.bearer(http, read);
        reader.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        reader.post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Read Plan\n\n## Week 1\n- Scopes\n").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:forbidden");
        assertThat(admin.client().get().uri("/api/tokens").exchange().expectBodyList(JSON).returnResult()
                .getResponseBody().get(0).get("lastUsedAt")).isNotNull();

        String tampered = read.substring(0, read.length() - 2) + (read.endsWith("AA") ? "BB" : "AA");
        SignedIn.bearer(http, tampered).get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        SignedIn.bearer(http, "gw_nonsense").get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();

        String id = (String) listed.get(0).get("id");
        admin.client().delete().uri("/api/tokens/{id}", id).exchange().expectStatus().isNoContent();
        reader.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:unauthenticated");

        Map<String, Object> expiring = admin.client().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "week", "scope", "read", "expiresInDays", 7)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        WebTestClient week = SignedIn.bearer(http, (String) expiring.get("secret"));
        week.get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        TestClock.advance(Duration.ofDays(8));
        week.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badTokenRequestsAreProblemsAndChangeNothing() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("name", "x", "scope", "admin"),
                Map.<String, Object>of("name", " ", "scope", "read"),
                Map.<String, Object>of("name", "x", "scope", "read", "expiresInDays", 0))) {
            admin.client().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest();
        }
        admin.client().delete().uri("/api/tokens/not-a-uuid").exchange().expectStatus().isNotFound();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single()).isZero();
    }

    @Test
    void sessionsEndWhenIdleOnLogoutAndEverywhere() {
        SignedIn.setup(http, "ada", PASSWORD);
        SignedIn laptop = SignedIn.login(http, "ada", PASSWORD);
        SignedIn phone = SignedIn.login(http, "ada", PASSWORD);
        laptop.client().post().uri("/api/auth/logout").exchange().expectStatus().isNoContent()
                .expectCookie().maxAge(SignedIn.SESSION_COOKIE, Duration.ZERO);
        laptop.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        phone.client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();

        SignedIn tablet = SignedIn.login(http, "ada", PASSWORD);
        phone.client().post().uri("/api/auth/logout-everywhere").exchange().expectStatus().isNoContent();
        phone.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        tablet.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();

        SignedIn desk = SignedIn.login(http, "ada", PASSWORD);
        TestClock.advance(Duration.ofDays(6));
        desk.client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        TestClock.advance(Duration.ofDays(6));
        desk.client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        TestClock.advance(Duration.ofDays(7).plusMinutes(1));
        desk.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void registrationIsByInvitationUnlessOpened() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        String csrf = SignedIn.csrf(http);
        SignedIn.attempt(http, csrf, "/api/auth/register", Map.of("username", "bob", "password", PASSWORD))
                .expectStatus().isForbidden().expectBody().jsonPath("$.type")
                .isEqualTo("urn:groundwork:problem:registration-closed");
        SignedIn.attempt(http, csrf, "/api/auth/register",
                        Map.of("username", "bob", "password", PASSWORD, "invite", "made-up"))
                .expectStatus().isForbidden();

        SignedIn bob = admin.invite(http, "bob", PASSWORD);
        assertThat((Map<String, Object>) state(bob.client()).get("learner")).containsEntry("role", "learner");

        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "open", "imports", "learners")).exchange().expectStatus().isOk();
        assertThat(state(http)).containsEntry("registration", "open");
        SignedIn carol = SignedIn.register(http, "carol", PASSWORD, null);
        carol.client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        SignedIn.attempt(http, csrf, "/api/auth/register", Map.of("username", "CAROL", "password", PASSWORD))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
                .isEqualTo("urn:groundwork:problem:account-exists");
    }

    @Test
    void massAssignedFieldsAreIgnored() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "open", "imports", "learners")).exchange().expectStatus().isOk();
        String csrf = SignedIn.csrf(http);
        Map<String, Object> registered = SignedIn.attempt(http, csrf, "/api/auth/register",
                        Map.of("username", "eve", "password", PASSWORD, "role", "admin", "id", admin.learnerId(),
                                "learnerId", admin.learnerId()))
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> eve = (Map<String, Object>) registered.get("learner");
        assertThat(eve).containsEntry("role", "learner");
        assertThat(eve.get("id")).isNotEqualTo(admin.learnerId());

        SignedIn signedIn = SignedIn.login(http, "eve", PASSWORD);
        signedIn.client().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "mine", "scope", "read", "learnerId", admin.learnerId())).exchange()
                .expectStatus().isCreated();
        assertThat(admin.client().get().uri("/api/tokens").exchange().expectBodyList(JSON).returnResult()
                .getResponseBody()).isEmpty();
        signedIn.client().get().uri("/api/admin/users").exchange().expectStatus().isForbidden();
    }

    @Test
    void disablingALearnerEndsTheirSessionsAndTokensAtOnce() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        SignedIn bob = admin.invite(http, "bob", PASSWORD);
        WebTestClient bobsScript = SignedIn.bearer(http, bob.token("script", "read-write"));
        bobsScript.get().uri("/api/roadmaps").exchange().expectStatus().isOk();

        bob.client().get().uri("/api/admin/users").exchange().expectStatus().isForbidden();
        bob.client().post().uri("/api/admin/users/{id}/disable", admin.learnerId()).exchange()
                .expectStatus().isForbidden();

        admin.client().post().uri("/api/admin/users/{id}/disable", bob.learnerId()).exchange()
                .expectStatus().isNoContent();
        bob.client().get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        bobsScript.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        String csrf = SignedIn.csrf(http);
        login(csrf, "bob", PASSWORD).expectStatus().isUnauthorized();

        admin.client().post().uri("/api/admin/users/{id}/disable", admin.learnerId()).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
                .isEqualTo("urn:groundwork:problem:last-admin");
        admin.client().post().uri("/api/admin/users/{id}/enable", bob.learnerId()).exchange()
                .expectStatus().isNoContent();
        SignedIn.login(http, "bob", PASSWORD).client().get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        bobsScript.get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();

        List<Map<String, Object>> users = admin.client().get().uri("/api/admin/users").exchange()
                .expectBodyList(JSON).returnResult().getResponseBody();
        assertThat(users).extracting(u -> u.get("username")).containsExactlyInAnyOrder("ada", "bob");
        List<String> actions = admin.client().get().uri("/api/admin/audit").exchange().expectBodyList(JSON)
                .returnResult().getResponseBody().stream().map(e -> (String) e.get("action")).toList();
        assertThat(actions).contains("setup", "invite-created", "registered", "token-created", "token-used",
                "learner-disabled", "learner-enabled", "sign-in-failed", "sign-in");
    }

    @Test
    void importsCanBeKeptForAdmins() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        SignedIn bob = admin.invite(http, "bob", PASSWORD);
        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "invite", "imports", "admins")).exchange().expectStatus().isOk();
        bob.client().post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Learner Plan\n\n## Week 1\n- Imports\n").exchange().expectStatus().isForbidden();
        admin.client().post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Admin Plan\n\n## Week 1\n- Imports\n").exchange().expectStatus().isCreated();
        String refresh = "/api/roadmaps/admin-plan/refresh";   // a roadmap-level setting, like an import
        bob.client().put().uri(refresh).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false))
                .exchange().expectStatus().isForbidden();
        bob.client().post().uri(refresh).exchange().expectStatus().isForbidden();
        bob.client().get().uri("/api/roadmaps/admin-plan").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.freshness.enabled").isEqualTo(true);
        admin.client().put().uri(refresh).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "invite", "imports", "sometimes")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourcesAreAddedByWritersOnlyAndFollowTheImportsSetting() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        Map<String, Object> imported = admin.client().post().uri("/api/roadmaps")
                .contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue("# Source Plan\n\n## Week 1\n- Sources\n").exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        String topic = (String) ((List<Map<String, Object>>) imported.get("topics")).get(0).get("id");
        String path = "/api/topics/" + topic + "/resources";
        Map<String, Object> text = Map.of("title", "Notes", "text", "Sources need a writer.");

        SignedIn.bearer(http, admin.token("reader", "read")).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(text).exchange().expectStatus().isForbidden();
        SignedIn bob = admin.invite(http, "bob", PASSWORD);
        admin.client().put().uri("/api/admin/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("registration", "invite", "imports", "admins")).exchange().expectStatus().isOk();
        bob.client().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(text).exchange()
                .expectStatus().isForbidden();
        assertThat(jdbc.sql("SELECT count(*) FROM topic_resource WHERE added_by IS NOT NULL").query(Long.class)
                .single()).isZero();

        admin.client().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(text).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.addedBy").isEqualTo("ada");
        bob.client().get().uri(path).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].addedBy").isEqualTo("ada").jsonPath("$[0].addedByYou").isEqualTo(false);
    }

    @Test
    void securityHeadersAndHealthDetailsForAdminsOnly() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        for (String path : List.of("/", "/api/auth/state")) {
            http.get().uri(path).exchange().expectHeader().valueMatches("Content-Security-Policy",
                            ".*script-src 'self';.*frame-ancestors 'none'.*")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        admin.client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.db").exists();
        SignedIn bob = admin.invite(http, "bob", PASSWORD);
        bob.client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void failedSignInsAreThrottledPerAccountUntilTheWindowEnds() {
        SignedIn.setup(http, "ada", PASSWORD);
        String csrf = SignedIn.csrf(http);
        for (int i = 0; i < 5; i++) {
            login(csrf, "Ada", "guess number " + i).expectStatus().isUnauthorized();
        }
        login(csrf, "ada", PASSWORD).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:rate-limited");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign-in'").query(Long.class).single())
                .isZero();
        TestClock.advance(Duration.ofMinutes(16));
        login(csrf, "ada", PASSWORD).expectStatus().isOk();
    }

    @Test
    void noPasswordTokenOrSessionReachesTheLog(CapturedOutput output) {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        String csrf = SignedIn.csrf(http);
        login(csrf, "ada", "not the password at all").expectStatus().isUnauthorized();
        String token = admin.token("script", "read");
        SignedIn.bearer(http, token).get().uri("/api/roadmaps").exchange().expectStatus().isOk();
        SignedIn.bearer(http, token + "x").get().uri("/api/roadmaps").exchange().expectStatus().isUnauthorized();
        String secret = token.substring(token.lastIndexOf('_') + 1);
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("not the password at all")
                .doesNotContain(secret).doesNotContain(admin.session());
        assertThat(jdbc.sql("SELECT concat_ws(' ', action, subject, detail::text) FROM audit_event").query(String.class)
                .list()).noneMatch(line -> line.contains(secret) || line.contains(PASSWORD));
    }

    @Test
    void theOpenAiCompatibleEndpointTakesAReadToken() {
        SignedIn admin = SignedIn.setup(http, "ada", PASSWORD);
        WebTestClient reader = SignedIn.bearer(http, admin.token("chat app", "read"));
        reader.get().uri("/v1/models").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].id").isEqualTo("groundwork");
        reader.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", "groundwork", "messages", List.of(Map.of("role", "user",
                        "content", "What is a token?")))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.object").isEqualTo("chat.completion");
        SignedIn.bearer(http, "gw_revoked0000_" + "A".repeat(43)).get().uri("/v1/models").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error.type").isEqualTo("authentication_error");
    }

    private WebTestClient.ResponseSpec login(String csrf, String login, String password) {
        return SignedIn.attempt(http, csrf, "/api/auth/login",
                Map.of("login", login, "password", password));
    }

    private static Map<String, Object> state(WebTestClient client) {
        return client.get().uri("/api/auth/state").exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }
}
