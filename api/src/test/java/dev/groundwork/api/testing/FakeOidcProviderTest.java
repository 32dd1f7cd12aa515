package dev.groundwork.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.util.UriComponentsBuilder;

/** The fake provider speaks OpenID Connect well enough for Nimbus and for Spring Security's own OAuth2 client. */
class FakeOidcProviderTest {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/fake";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private FakeOidcProvider provider;

    @BeforeEach
    void start() {
        provider = FakeOidcProvider.start();
        provider.nextUser("sub-42", "grace@example.test", "Grace Hopper", true);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryNamesItsOwnEndpointsAndSpringAcceptsIt() throws Exception {
        HttpResponse<String> response = get(provider.issuer() + "/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> metadata = JSONObjectUtils.parse(response.body());
        String base = provider.issuer();
        assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(metadata).containsEntry("issuer", base)
                .containsEntry("authorization_endpoint", base + "/authorize")
                .containsEntry("token_endpoint", base + "/token")
                .containsEntry("jwks_uri", base + "/jwks")
                .containsEntry("userinfo_endpoint", base + "/userinfo")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post"));
        assertThat((List<Object>) metadata.get("scopes_supported")).contains("openid", "email", "profile");

        // What Spring Boot does at startup with provider.<id>.issuer-uri.
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(base)
                .registrationId("fake").clientId(provider.clientId()).clientSecret(provider.clientSecret())
                .scope("openid", "email", "profile").build();
        assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(base + "/authorize");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(base + "/token");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(base + "/jwks");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo(base + "/userinfo");
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(base);
        assertThat(registration.getClientAuthenticationMethod())
                .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void authorizeRedirectsStraightBackWithACodeAndTheState() throws Exception {
        HttpResponse<String> response = get(authorizeUrl("st-1", "n-1", REDIRECT));
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> params = query(location);
        assertThat(params).containsEntry("state", "st-1").containsKey("code").doesNotContainKey("error");
        assertThat(params.get("code")).hasSizeGreaterThan(20);

        FakeOidcProvider.Request recorded = provider.requests("/authorize").get(0);
        assertThat(recorded.query()).containsEntry("nonce", "n-1").containsEntry("client_id", provider.clientId());
    }

    @Test
    void authorizeRefusesAnUnknownClientWithoutRedirectingAndCanBeScriptedToDeny() throws Exception {
        String unknown = authorizeUrl("st", "n", REDIRECT).replace("client_id=" + provider.clientId(),
                "client_id=someone-else");
        HttpResponse<String> refused = get(unknown);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();

        provider.failNextAuthorization("access_denied");
        Map<String, String> denied = query(get(authorizeUrl("st-2", "n", REDIRECT)).headers()
                .firstValue("Location").orElseThrow());
        assertThat(denied).containsEntry("error", "access_denied").containsEntry("state", "st-2")
                .doesNotContainKey("code");
        // Only the next one.
        assertThat(query(get(authorizeUrl("st-3", "n", REDIRECT)).headers().firstValue("Location").orElseThrow()))
                .containsKey("code");
    }

    @Test
    void theCodeBuysAnAccessTokenAndAnIdTokenOnceAndOnlyForTheRightClient() throws Exception {
        String code = code("st", "nonce-7");

        HttpResponse<String> wrongSecret = token(provider.clientId(), "wrong", code, REDIRECT);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");

        assertThat(token(provider.clientId(), provider.clientSecret(), code, "http://elsewhere/cb").body())
                .contains("invalid_grant"); // and the code is spent now

        String fresh = code("st", "nonce-8");
        HttpResponse<String> ok = token(provider.clientId(), provider.clientSecret(), fresh, REDIRECT);
        assertThat(ok.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(ok.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsKeys("access_token", "id_token", "expires_in");

        HttpResponse<String> again = token(provider.clientId(), provider.clientSecret(), fresh, REDIRECT);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");

        // client_secret_post works too.
        String third = code("st", "n");
        HttpResponse<String> posted = post(provider.issuer() + "/token", form(Map.of("grant_type",
                "authorization_code", "code", third, "redirect_uri", REDIRECT, "client_id", provider.clientId(),
                "client_secret", provider.clientSecret())), null);
        assertThat(posted.statusCode()).isEqualTo(200);

        // userinfo answers the bearer's claims, and nobody else.
        String accessToken = (String) body.get("access_token");
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSONObjectUtils.parse(info.body())).containsEntry("sub", "sub-42")
                .containsEntry("email", "grace@example.test").containsEntry("email_verified", true);
        assertThat(get(provider.issuer() + "/userinfo").statusCode()).isEqualTo(401);
    }

    @Test
    void theIdTokenVerifiesAgainstTheJwksAndNotAgainstAnyOtherKey() throws Exception {
        String idToken = (String) JSONObjectUtils.parse(token(provider.clientId(), provider.clientSecret(),
                code("st", "nonce-x"), REDIRECT).body()).get("id_token");
        SignedJWT jwt = SignedJWT.parse(idToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);

        JWKSet jwks = JWKSet.parse(get(provider.issuer() + "/jwks").body());
        assertThat(jwks.getKeys()).hasSize(1);
        RSAKey published = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(published).isNotNull();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();

        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        assertThat(jwt.verify(new RSASSAVerifier(stranger.toRSAPublicKey()))).isFalse();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(provider.issuer());
        assertThat(claims.getSubject()).isEqualTo("sub-42");
        assertThat(claims.getAudience()).containsExactly(provider.clientId());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-x");
        assertThat(claims.getStringClaim("email")).isEqualTo("grace@example.test");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("name")).isEqualTo("Grace Hopper");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());

        provider.signWithRogueKey(true);
        SignedJWT forged = SignedJWT.parse((String) JSONObjectUtils.parse(token(provider.clientId(),
                provider.clientSecret(), code("st", "n"), REDIRECT).body()).get("id_token"));
        assertThat(forged.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(forged.verify(new RSASSAVerifier(published))).isFalse();
    }

    @Test
    void springSecuritysOwnCodeFlowLogsTheConfiguredUserIn() {
        provider.nextUser("sub-99", "linus@example.test", "Linus", false);
        Authentication login = springLogin(registration(false));
        OidcUser user = (OidcUser) login.getPrincipal();
        assertThat(user.getSubject()).isEqualTo("sub-99");
        assertThat(user.getEmail()).isEqualTo("linus@example.test");
        assertThat(user.getEmailVerified()).isFalse();
        assertThat(user.getFullName()).isEqualTo("Linus");
        assertThat(user.getIdToken().getIssuer().toString()).isEqualTo(provider.issuer());
        assertThat(user.getUserInfo()).isNotNull(); // Spring fetched /userinfo with the access token
        assertThat(provider.requests("/userinfo")).hasSize(1);
        // Spring sent the nonce's hash, and checked the ID token's nonce against it.
        assertThat(provider.requests("/authorize").get(0).query().get("nonce")).isNotBlank();
        assertThat(provider.requests("/token").get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void springSecuritysCodeFlowWithPkceSendsAVerifierTheProviderChecks() {
        Authentication login = springLogin(registration(true));
        assertThat(((OidcUser) login.getPrincipal()).getSubject()).isEqualTo("sub-42");
        assertThat(provider.requests("/authorize").get(0).query()).containsEntry("code_challenge_method", "S256");
        assertThat(provider.requests("/token").get(0).form()).containsKey("code_verifier");
    }

    @Test
    void aPkceCodeNeedsTheRightVerifier() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = authorizeUrl("st", "n", REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (provider.clientId() + ":" + provider.clientSecret()).getBytes(StandardCharsets.UTF_8));

        String code = query(get(url).headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(post(provider.issuer() + "/token", form(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier + "x")), basic).statusCode()).isEqualTo(400);

        String next = query(get(url).headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(post(provider.issuer() + "/token", form(Map.of("grant_type", "authorization_code", "code", next,
                "redirect_uri", REDIRECT)), basic).statusCode()).isEqualTo(400);

        String last = query(get(url).headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(post(provider.issuer() + "/token", form(Map.of("grant_type", "authorization_code", "code", last,
                "redirect_uri", REDIRECT, "code_verifier", verifier)), basic).statusCode()).isEqualTo(200);
    }

    @Test
    void springSecurityRejectsAForgedOrExpiredIdToken() {
        provider.signWithRogueKey(true);
        assertThatThrownBy(() -> springLogin(registration(false)))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("invalid_id_token");

        provider.signWithRogueKey(false).idTokenLifetime(Duration.ofMinutes(-10));
        assertThatThrownBy(() -> springLogin(registration(false)))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("invalid_id_token");
    }

    /** The authorization code flow exactly as oauth2Login's filters run it, minus the HTTP session plumbing. */
    private Authentication springLogin(ClientRegistration registration) {
        var repository = new InMemoryReactiveClientRegistrationRepository(registration);
        MockServerWebExchange start = MockServerWebExchange.from(
                MockServerHttpRequest.get("http://localhost:8080/oauth2/authorization/fake"));
        OAuth2AuthorizationRequest request = new DefaultServerOAuth2AuthorizationRequestResolver(repository)
                .resolve(start).block(Duration.ofSeconds(10));
        assertThat(request).isNotNull();
        assertThat(request.getRedirectUri()).isEqualTo(REDIRECT);

        String location = send(request.getAuthorizationRequestUri()).headers().firstValue("Location").orElseThrow();
        Map<String, String> back = query(location);
        assertThat(back).containsEntry("state", request.getState());
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(back.get("code"))
                .state(back.get("state")).redirectUri(request.getRedirectUri()).build();

        var manager = new OidcAuthorizationCodeReactiveAuthenticationManager(
                new WebClientReactiveAuthorizationCodeTokenResponseClient(), new OidcReactiveOAuth2UserService());
        Authentication result = manager.authenticate(new OAuth2AuthorizationCodeAuthenticationToken(registration,
                new OAuth2AuthorizationExchange(request, response))).block(Duration.ofSeconds(10));
        assertThat(result).isInstanceOf(OAuth2LoginAuthenticationToken.class);
        return result;
    }

    private ClientRegistration registration(boolean pkce) {
        return ClientRegistrations.fromIssuerLocation(provider.issuer())
                .registrationId("fake")
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .scope("openid", "email", "profile")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(pkce).build())
                .build();
    }

    private String authorizeUrl(String state, String nonce, String redirect) {
        return provider.issuer() + "/authorize?" + form(new LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", provider.clientId(), "redirect_uri", redirect, "scope", "openid email profile",
                "state", state, "nonce", nonce)));
    }

    private String code(String state, String nonce) throws Exception {
        String location = get(authorizeUrl(state, nonce, REDIRECT)).headers().firstValue("Location").orElseThrow();
        return query(location).get("code");
    }

    private HttpResponse<String> token(String clientId, String secret, String code, String redirect)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(provider.issuer() + "/token",
                form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect)),
                "Basic " + basic);
    }

    private HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String url) {
        try {
            return get(url);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String url) {
        return UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap().entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> java.net.URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }
}
