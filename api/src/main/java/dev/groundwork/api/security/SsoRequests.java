package dev.groundwork.api.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the OAuth2 authorization request (state, nonce, PKCE verifier, redirect URI) between
 * {@code /oauth2/authorization/{id}} and {@code /login/oauth2/code/{id}} in a short-lived, HMAC-signed, HttpOnly
 * cookie instead of the WebSession, so the provider may send the browser back to any app instance. Spring Security
 * 7.1 ships only {@code WebSessionOAuth2ServerAuthorizationRequestRepository} for WebFlux.
 *
 * <p>The cookie is signed, not encrypted: it holds the nonce and the PKCE verifier, which are secrets of the browser
 * that started the login and are useless without the code the provider sends to that same browser. The signing key
 * must be the same on every instance. The value is JSON, never Java serialization.
 */
final class SsoRequests
        implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "GW_OAUTH2_REQUEST";
    /** Only the callback needs it back; keep it in step with the authentication matcher. */
    static final String PATH = "/login/oauth2/";
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final int MAX_COOKIE_CHARS = 3800;

    /** What the cookie carries (JSON). */
    record Stored(long expiresAt, String authorizationUri, String clientId, String redirectUri, List<String> scopes,
            String state, Map<String, String> additionalParameters, Map<String, String> attributes) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final SecretKeySpec key;
    private final Clock clock;

    /** @param key at least 32 random bytes, identical on every instance */
    SsoRequests(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> read(exchange));
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        return Mono.fromRunnable(() -> {
            if (request.getState() == null || request.getState().isBlank()) {
                throw new IllegalArgumentException("authorizationRequest.state cannot be empty");
            }
            Stored stored = new Stored(clock.instant().plus(MAX_AGE).getEpochSecond(), request.getAuthorizationUri(),
                    request.getClientId(), request.getRedirectUri(), List.copyOf(new TreeSet<>(request.getScopes())),
                    request.getState(), strings(request.getAdditionalParameters()), strings(request.getAttributes()));
            String payload = b64(json.writeValueAsBytes(stored));
            String value = payload + "." + b64(mac(payload));
            if (value.length() > MAX_COOKIE_CHARS) {
                throw new IllegalStateException("authorization request too large for a cookie");
            }
            exchange.getResponse().addCookie(cookie(exchange, value, MAX_AGE));
        });
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            OAuth2AuthorizationRequest request = read(exchange);
            if (request != null) {
                expire(exchange); // one use: a replayed callback finds nothing
            }
            return request;
        });
    }

    private OAuth2AuthorizationRequest read(ServerWebExchange exchange) {
        String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (state == null || cookie == null) {
            return null;
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot <= 0 || value.length() > MAX_COOKIE_CHARS) {
            return null;
        }
        String payload = value.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return null;
        }
        Stored stored;
        try {
            stored = json.readValue(Base64.getUrlDecoder().decode(payload), Stored.class);
        } catch (RuntimeException e) {
            return null;
        }
        if (clock.instant().getEpochSecond() > stored.expiresAt() || !state.equals(stored.state())) {
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(stored.authorizationUri())
                .clientId(stored.clientId())
                .redirectUri(stored.redirectUri())
                .scopes(Set.copyOf(stored.scopes()))
                .state(stored.state())
                .additionalParameters(new LinkedHashMap<>(stored.additionalParameters()))
                .attributes(new LinkedHashMap<>(stored.attributes()))
                .build();
    }

    private void expire(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(AuthService.https(exchange))
                // Lax, not Strict: the provider's redirect back is a cross-site top-level GET.
                .sameSite("Lax")
                .path(PATH)
                .maxAge(maxAge)
                .build();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                result.put(k, v.toString());
            }
        });
        return result;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
