package dev.groundwork.api.security;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Single sign-on with an OpenID Connect provider ({@code spring.security.oauth2.client.*}). Spring Security runs
 * the code flow; when the provider vouches for the user, their account is matched or created
 * ({@link Accounts#byIdentity}) and a Groundwork session starts, exactly as after a password sign-in. The request in
 * flight is kept in a signed cookie ({@link SsoRequests}), so the provider may send the browser back to any instance;
 * no provider token is kept, since Groundwork calls no provider API.
 */
final class SsoLogin implements ServerAuthenticationSuccessHandler {

    private final Accounts accounts;
    private final AuditLog audit;
    private final AuthService auth;
    private final TransactionTemplate transaction;
    private final Scheduler jdbc;

    SsoLogin(Accounts accounts, AuditLog audit, AuthService auth, TransactionTemplate transaction, Scheduler jdbc) {
        this.accounts = accounts;
        this.audit = audit;
        this.auth = auth;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Adds the provider sign-in to {@code http} when a provider is configured. */
    static void configure(org.springframework.security.config.web.server.ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations, SsoLogin success, SsoRequests requests) {
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                .authorizationRequestRepository(requests)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authenticationSuccessHandler(success)
                .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/login?sso=failed")));
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange filterExchange, Authentication authentication) {
        ServerWebExchange exchange = filterExchange.getExchange();
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser user = (OidcUser) token.getPrincipal();
        String provider = user.getIssuer().toString();
        String client = Credentials.client(exchange);
        return Mono.fromCallable(() -> {
            Accounts.Sso sso = transaction.execute(status -> accounts.byIdentity(provider, user.getSubject(),
                    user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName()));
            audit.record(sso.disabled() ? AuditLog.SIGN_IN_FAILED : AuditLog.SIGN_IN, sso.account().id(),
                    user.getSubject(), client, Map.of("method", "sso", "provider", token.getAuthorizedClientRegistrationId(),
                            "created", sso.created()));
            return sso;
        }).subscribeOn(jdbc).flatMap(sso -> sso.disabled() ? redirect(exchange, "/login?sso=disabled")
                : auth.startSession(sso.account(), exchange).then(redirect(exchange, "/")));
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FOUND);
        response.getHeaders().setLocation(URI.create(location));
        return response.setComplete();
    }

    /** Groundwork calls no provider API after sign-in, so it keeps none of the provider's tokens. */
    private static final class NoAuthorizedClients implements ServerOAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
                Authentication principal, ServerWebExchange exchange) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                ServerWebExchange exchange) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> removeAuthorizedClient(String registrationId, Authentication principal,
                ServerWebExchange exchange) {
            return Mono.empty();
        }
    }
}
