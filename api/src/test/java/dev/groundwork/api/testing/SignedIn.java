package dev.groundwork.api.testing;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser's view of accounts mode for tests: signs up or in through the real endpoints and keeps what a browser
 * keeps — the session cookie and the CSRF cookie, sent back as the {@code X-XSRF-TOKEN} header on every request.
 *
 * @param client a client that sends the cookies and the CSRF header
 * @param session the session cookie's value
 * @param csrf the CSRF token
 * @param learnerId the signed-in learner's id
 */
public record SignedIn(WebTestClient client, String session, String csrf, String learnerId) {

    public static final String SESSION_COOKIE = "GW_SESSION";
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /**
     * Back to a fresh install for accounts tests sharing a database: no accounts (their learners stay, with their
     * data, as plain learners), sessions, tokens, invitations, settings, rate windows or audit events.
     */
    public static void reset(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("TRUNCATE web_session, api_token, invite, learner_identity, app_setting, rate_window, audit_event")
                .update();
        jdbc.sql("UPDATE learner SET username = NULL, email = NULL, password_hash = NULL, role = 'learner',"
                + " disabled_at = NULL").update();
    }

    /** A CSRF token from the server, as the web app gets one when it loads. */
    public static String csrf(WebTestClient http) {
        ResponseCookie cookie = http.get().uri("/api/auth/state").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst(CSRF_COOKIE);
        return Objects.requireNonNull(cookie, "no XSRF-TOKEN cookie").getValue();
    }

    /** First-run setup: the admin. */
    public static SignedIn setup(WebTestClient http, String username, String password) {
        return post(http, "/api/auth/setup", Map.of("username", username, "password", password), 201);
    }

    public static SignedIn login(WebTestClient http, String login, String password) {
        return post(http, "/api/auth/login", Map.of("login", login, "password", password), 200);
    }

    /** Registers through {@code invite} (or open registration when null) and signs in. */
    public static SignedIn register(WebTestClient http, String username, String password, String invite) {
        Map<String, Object> body = invite == null ? Map.of("username", username, "password", password)
                : Map.of("username", username, "password", password, "invite", invite);
        return post(http, "/api/auth/register", body, 201);
    }

    /** An admin invites, then {@code username} registers with it: a signed-in learner. */
    public SignedIn invite(WebTestClient http, String username, String password) {
        @SuppressWarnings("unchecked")
        Map<String, Object> invite = client.post().uri("/api/admin/invites").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "learner")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return register(http, username, password, (String) invite.get("code"));
    }

    /** A personal API token's secret. */
    public String token(String name, String scope) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = client.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "scope", scope)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("secret");
    }

    /** A client that sends {@code token} as a bearer token, and no cookie. */
    public static WebTestClient bearer(WebTestClient http, String token) {
        return http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    /**
     * Posts {@code body} as JSON to an auth endpoint ({@code /api/auth/login}, {@code /register}, …) the way the web
     * app does before anyone is signed in: the CSRF token as cookie and header. For a test of the response itself.
     */
    public static WebTestClient.ResponseSpec attempt(WebTestClient http, String csrf, String path,
            Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .cookie(CSRF_COOKIE, csrf).header(CSRF_HEADER, csrf).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static SignedIn post(WebTestClient http, String path, Map<String, Object> body, int status) {
        String csrf = csrf(http);
        EntityExchangeResult<Map> result = attempt(http, csrf, path, body)
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult();
        String session = Objects.requireNonNull(result.getResponseCookies().getFirst(SESSION_COOKIE),
                "no session cookie").getValue();
        Map<String, Object> learner = (Map<String, Object>) result.getResponseBody().get("learner");
        WebTestClient client = http.mutate().defaultCookie(SESSION_COOKIE, session).defaultCookie(CSRF_COOKIE, csrf)
                .defaultHeader(CSRF_HEADER, csrf).build();
        return new SignedIn(client, session, csrf, (String) learner.get("id"));
    }
}
