package dev.groundwork.api.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted OpenID Connect provider on 127.0.0.1 for tests, enough for Spring Security's OAuth2 client to log a
 * user in with the authorization code flow:
 * <ul>
 * <li>{@code GET /.well-known/openid-configuration}: discovery, the issuer being {@link #issuer()};</li>
 * <li>{@code GET /authorize}: no login page; it redirects at once to the {@code redirect_uri} with a one-time
 * {@code code} and the given {@code state}, logging in whoever {@link #nextUser} named (or the error
 * {@link #failNextAuthorization} scripted);</li>
 * <li>{@code POST /token}: checks the client (HTTP Basic or form), the code, the redirect URI and, when the
 * authorize request had one, the PKCE verifier; answers an access token and an RS256 ID token ({@code iss, sub,
 * aud=client_id, exp, iat, auth_time, nonce, email, email_verified, name}) signed with a key made at start;</li>
 * <li>{@code GET /jwks}: the public key; {@code GET /userinfo}: the user's claims for a bearer access token.</li>
 * </ul>
 * Every request is recorded (the last {@value #MAX_RECORDED}) for assertions. Bounded: two threads, bodies up to
 * 64 KiB, codes live one minute and serve once. Close it after the test.
 */
public final class FakeOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "groundwork-test";
    public static final String CLIENT_SECRET = "groundwork-test-secret";

    static final int MAX_RECORDED = 500;
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The person the provider logs in at its next {@code /authorize}. */
    public record User(String subject, String email, String name, boolean emailVerified) {

        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", subject);
            if (email != null) {
                claims.put("email", email);
                claims.put("email_verified", emailVerified);
            }
            if (name != null) {
                claims.put("name", name);
            }
            return claims;
        }
    }

    /** One request as the provider saw it; {@code body} is the raw form or empty. */
    public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            String body) {

        public Map<String, String> form() {
            return parseForm(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }
    }

    private record Grant(User user, String clientId, String redirectUri, String nonce, String scope,
            String codeChallenge, String codeChallengeMethod, Instant expiresAt) {
    }

    private record Issued(User user, String scope) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "fake-oidc");
        thread.setDaemon(true);
        return thread;
    });
    private final String clientId;
    private final String clientSecret;
    private final RSAKey signingKey;
    private final RSAKey rogueKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Request> requests = new ConcurrentLinkedDeque<>();
    private final AtomicReference<User> nextUser =
            new AtomicReference<>(new User("fake-subject-1", "ada@example.test", "Ada Lovelace", true));
    private final AtomicReference<String> nextAuthorizationError = new AtomicReference<>();
    private volatile Duration idTokenLifetime = Duration.ofMinutes(5);
    private volatile boolean signWithRogueKey;

    private FakeOidcProvider(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signingKey = new RSAKeyGenerator(2048).keyID("fake-oidc-key").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        // Same key id, different key: an ID token a forger signed.
        this.rogueKey = new RSAKeyGenerator(2048).keyID("fake-oidc-key").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a provider that knows the client {@link #CLIENT_ID} / {@link #CLIENT_SECRET}. */
    public static FakeOidcProvider start() {
        return start(CLIENT_ID, CLIENT_SECRET);
    }

    public static FakeOidcProvider start(String clientId, String clientSecret) {
        try {
            return new FakeOidcProvider(clientId, clientSecret);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the fake OpenID Connect provider", e);
        }
    }

    /** The issuer and base URL, {@code http://127.0.0.1:<port>}, as {@code provider.<id>.issuer-uri} wants it. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /**
     * The Spring Boot properties that register this provider as {@code registrationId}: the client, the scopes
     * {@code openid,email,profile} and the issuer (which Boot discovers at startup, so start the provider first).
     */
    public Map<String, String> springProperties(String registrationId) {
        String registration = "spring.security.oauth2.client.registration." + registrationId + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(registration + "client-id", clientId);
        properties.put(registration + "client-secret", clientSecret);
        properties.put(registration + "scope", "openid,email,profile");
        properties.put(registration + "client-name", "Fake OIDC");
        properties.put("spring.security.oauth2.client.provider." + registrationId + ".issuer-uri", issuer());
        return properties;
    }

    /** Who the next {@code /authorize} logs in (and every one after it, until changed). */
    public FakeOidcProvider nextUser(String subject, String email, String name, boolean emailVerified) {
        nextUser.set(new User(Objects.requireNonNull(subject, "subject"), email, name, emailVerified));
        return this;
    }

    /** The next {@code /authorize} redirects back with {@code error=<error>} (e.g. {@code access_denied}). */
    public FakeOidcProvider failNextAuthorization(String error) {
        nextAuthorizationError.set(error);
        return this;
    }

    /** How long ID tokens issued from now on are valid; a negative duration issues expired ones. */
    public FakeOidcProvider idTokenLifetime(Duration lifetime) {
        idTokenLifetime = lifetime;
        return this;
    }

    /** ID tokens issued from now on are signed with a key that is not in the JWKS (same key id): forged tokens. */
    public FakeOidcProvider signWithRogueKey(boolean rogue) {
        signWithRogueKey = rogue;
        return this;
    }

    /** The provider's public signing key, as {@code /jwks} serves it. */
    public RSAKey publicKey() {
        return signingKey.toPublicJWK();
    }

    /** Signs arbitrary claims with the provider's real key (for hand-made ID tokens). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String body = readBody(exchange.getRequestBody());
            Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery());
            Request request = new Request(exchange.getRequestMethod(), path, query,
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.addLast(request);
            while (requests.size() > MAX_RECORDED) {
                requests.pollFirst();
            }
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "/authorize" -> authorize(exchange, query);
                case "/token" -> token(exchange, request);
                case "/jwks" -> json(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toJSONObject());
                case "/userinfo" -> userinfo(exchange, request);
                default -> json(exchange, 404, Map.of("error", "not_found"));
            }
        } catch (RuntimeException e) {
            try {
                json(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
            } catch (IOException | RuntimeException ignored) {
                // the response had already begun; the client sees a broken one
            }
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> discovery() {
        String base = issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("authorization_endpoint", base + "/authorize");
        metadata.put("token_endpoint", base + "/token");
        metadata.put("jwks_uri", base + "/jwks");
        metadata.put("userinfo_endpoint", base + "/userinfo");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "email", "profile"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "email",
                "email_verified", "name"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        return metadata;
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirectUri = query.get("redirect_uri");
        if (!clientId.equals(query.get("client_id")) || redirectUri == null || redirectUri.isBlank()) {
            // RFC 6749 4.1.2.1: never redirect to an unverified client's URI.
            json(exchange, 400, Map.of("error", "invalid_request",
                    "error_description", "unknown client_id or no redirect_uri"));
            return;
        }
        String state = query.get("state");
        String error = nextAuthorizationError.getAndSet(null);
        Map<String, String> back = new LinkedHashMap<>();
        if (error != null) {
            back.put("error", error);
        } else if (!"code".equals(query.get("response_type"))) {
            back.put("error", "unsupported_response_type");
        } else if (query.get("scope") == null || !List.of(query.get("scope").split(" ")).contains("openid")) {
            back.put("error", "invalid_scope");
        } else {
            String code = randomToken();
            codes.put(code, new Grant(nextUser.get(), clientId, redirectUri, query.get("nonce"), query.get("scope"),
                    query.get("code_challenge"), query.get("code_challenge_method"),
                    Instant.now().plus(CODE_LIFETIME)));
            back.put("code", code);
        }
        if (state != null) {
            back.put("state", state);
        }
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        back.forEach((k, v) -> location.append(encode(k)).append('=').append(encode(v)).append('&'));
        location.setLength(location.length() - 1);
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, Request request) throws IOException {
        if (!"POST".equals(request.method())) {
            json(exchange, 405, Map.of("error", "invalid_request"));
            return;
        }
        Map<String, String> form = request.form();
        String[] client = clientCredentials(request.header("Authorization"), form);
        if (client == null || !clientId.equals(client[0]) || !clientSecret.equals(client[1])) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake-oidc\"");
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            json(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || grant.expiresAt().isBefore(Instant.now()) || !grant.clientId().equals(client[0])
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !pkceMatches(grant, form.get("code_verifier"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String accessToken = randomToken();
        accessTokens.put(accessToken, new Issued(grant.user(), grant.scope()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", 300);
        response.put("scope", grant.scope());
        response.put("id_token", idToken(grant));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, response);
    }

    private void userinfo(HttpExchange exchange, Request request) throws IOException {
        String authorization = request.header("Authorization");
        Issued issued = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? accessTokens.get(authorization.substring(7).trim()) : null;
        if (issued == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        json(exchange, 200, issued.user().claims());
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.user().subject())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(idTokenLifetime)))
                .claim("auth_time", now.getEpochSecond());
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        grant.user().claims().forEach((k, v) -> {
            if (!k.equals("sub")) {
                claims.claim(k, v);
            }
        });
        return sign(claims.build(), signWithRogueKey ? rogueKey : signingKey);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an ID token", e);
        }
    }

    private static boolean pkceMatches(Grant grant, String verifier) {
        if (grant.codeChallenge() == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        if (!"S256".equals(grant.codeChallengeMethod())) {
            return grant.codeChallenge().equals(verifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {client_id, client_secret} from HTTP Basic (form-encoded parts, RFC 6749 2.3.1) or the form; else null. */
    private static String[] clientCredentials(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
        }
        if (form.get("client_id") != null && form.get("client_secret") != null) {
            return new String[] {form.get("client_id"), form.get("client_secret")};
        }
        return null;
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalStateException("request body over " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
