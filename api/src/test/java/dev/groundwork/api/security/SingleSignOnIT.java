package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.FakeOidcProvider;
import dev.groundwork.api.testing.SignedIn;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Single sign-on against a real (in-process) OpenID Connect provider: the provider is listed, the code flow ends in a
 * Groundwork session, the same person comes back to the same account, a verified e-mail links to an existing account
 * and an unverified one never does, a disabled account gets no session, and a forged ID token signs nobody in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.security.mode=accounts", "groundwork.ingest.background=false"})
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class SingleSignOnIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final FakeOidcProvider PROVIDER = FakeOidcProvider.start();
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.springProperties("fake").forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshInstall() {
        SignedIn.reset(jdbc);
        PROVIDER.signWithRogueKey(false);
    }

    @Test
    void theProviderIsOfferedAndItsSignInStartsASession() throws Exception {
        Map<String, Object> state = http.get().uri("/api/auth/state").exchange().expectBody(JSON).returnResult()
                .getResponseBody();
        assertThat((List<Map<String, Object>>) state.get("ssoProviders")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("id", "fake").containsEntry("name", "Fake OIDC")
                        .containsEntry("loginUrl", "/oauth2/authorization/fake"));

        PROVIDER.nextUser("sub-ada", "ada@example.test", "Ada Lovelace", true);
        String session = signIn();
        Map<String, Object> me = me(session);
        assertThat(me).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.test")
                .containsEntry("role", "learner");

        String again = signIn();
        assertThat(me(again)).containsEntry("id", me.get("id"));
        assertThat(jdbc.sql("SELECT count(*) FROM learner_identity").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_event ORDER BY id").query(String.class).list())
                .containsExactly("sign-in", "sign-in");
    }

    @Test
    void aVerifiedEmailLinksToTheExistingAccountAndAnUnverifiedOneNever() throws Exception {
        SignedIn admin = SignedIn.setup(http, "ada", "correct horse battery");
        jdbc.sql("UPDATE learner SET email = 'ada@example.test' WHERE id = CAST(? AS uuid)").param(admin.learnerId())
                .update();

        PROVIDER.nextUser("sub-mallory", "ada@example.test", "Mallory", false);
        assertThat(me(signIn()).get("id")).isNotEqualTo(admin.learnerId());

        PROVIDER.nextUser("sub-ada", "ada@example.test", "Ada", true);
        assertThat(me(signIn())).containsEntry("id", admin.learnerId()).containsEntry("role", "admin");
    }

    @Test
    void aDisabledAccountGetsNoSession() throws Exception {
        SignedIn admin = SignedIn.setup(http, "ada", "correct horse battery");
        PROVIDER.nextUser("sub-bob", "bob@example.test", "Bob", true);
        String id = (String) me(signIn()).get("id");
        admin.client().post().uri("/api/admin/users/{id}/disable", id).exchange().expectStatus().isNoContent();

        HttpResponse<Void> back = callback();
        assertThat(back.headers().firstValue("Location")).hasValue("/login?sso=disabled");
        assertThat(sessionCookie(back)).isNull();
    }

    @Test
    void aForgedIdTokenSignsNobodyIn() throws Exception {
        PROVIDER.nextUser("sub-eve", "eve@example.test", "Eve", true).signWithRogueKey(true);
        HttpResponse<Void> back = callback();
        assertThat(back.headers().firstValue("Location")).hasValue("/login?sso=failed");
        assertThat(sessionCookie(back)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM learner_identity").query(Long.class).single()).isZero();
    }

    /** The whole code flow as a browser runs it; the session cookie it ends with. */
    private String signIn() throws Exception {
        HttpResponse<Void> back = callback();
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        String session = sessionCookie(back);
        assertThat(session).isNotBlank();
        return session;
    }

    /** Starts at the app, goes through the provider, and returns the app's answer to the provider's callback. */
    private HttpResponse<Void> callback() throws Exception {
        EntityExchangeResult<byte[]> started = http.get().uri("/oauth2/authorization/fake").exchange()
                .expectStatus().isFound().expectBody().returnResult();
        URI authorize = started.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(PROVIDER.issuer() + "/authorize?");
        ResponseCookie request = started.getResponseCookies().getFirst("GW_OAUTH2_REQUEST");
        assertThat(request).isNotNull();
        HttpResponse<Void> atProvider = BROWSER.send(HttpRequest.newBuilder(authorize).build(),
                HttpResponse.BodyHandlers.discarding());
        URI callback = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
        return BROWSER.send(HttpRequest.newBuilder(callback).header("Cookie", request.getName() + "=" + request.getValue())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GW_SESSION="))
                .map(c -> c.substring("GW_SESSION=".length(), c.indexOf(';'))).filter(v -> !v.isEmpty()).findFirst()
                .orElse(null);
    }

    private Map<String, Object> me(String session) {
        Map<String, Object> state = http.get().uri("/api/auth/state").cookie("GW_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(state.get("learner")).as("signed in").isNotNull();
        return (Map<String, Object>) state.get("learner");
    }
}
