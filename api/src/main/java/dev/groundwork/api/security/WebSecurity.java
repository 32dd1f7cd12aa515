package dev.groundwork.api.security;

import dev.groundwork.api.security.SecurityProperties.Mode;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The filter chain of each mode. Accounts: every {@code /api/**} and {@code /v1/**} request is signed in (session
 * cookie or API token) except sign-in itself; cookie-signed writes carry a CSRF token. Single-user: the local learner
 * on every request, loopback only, and cross-site writes refused. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class WebSecurity {

    /** No inline script anywhere: the web app is built to files. Styles may be set from script (React). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] OPEN = {"/api/auth/state", "/api/auth/login", "/api/auth/setup",
        "/api/auth/register"};

    @Bean
    SecurityWebFilterChain filterChain(ServerHttpSecurity http, SecurityProperties properties, Environment environment,
            Sessions sessions, ApiTokens tokens, AuditLog audit, Settings settings, Clock clock,
            @Qualifier("jdbcScheduler") Scheduler jdbc, ObjectProvider<ReactiveClientRegistrationRepository> sso,
            Accounts accounts, AuthService auth, TransactionTemplate transaction) {
        http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(SecurityResponses::unauthenticated)
                        .accessDeniedHandler(SecurityResponses::forbidden));
        if (properties.mode() == Mode.SINGLE_USER) {
            Loopback.require(environment);
            return http.securityContextRepository(new LocalOnly())
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .addFilterAt(new SameOriginWrites(), SecurityWebFiltersOrder.CSRF)
                    .authorizeExchange(exchange -> exchange.anyExchange().permitAll())
                    .build();
        }
        ReactiveClientRegistrationRepository providers = sso.getIfAvailable();
        if (providers != null) {
            SsoLogin.configure(http, providers, new SsoLogin(accounts, audit, auth, transaction, jdbc),
                    new SsoRequests(settings.ssoKey(), clock));
        }
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http.securityContextRepository(new Credentials(sessions, tokens, audit, properties, clock, jdbc))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(cookieSignedWrites())
                        .accessDeniedHandler(SecurityResponses::forbidden))
                .addFilterAfter(new CsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(OPEN).permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/api/**", "/v1/**").access(new AccessRules(settings, jdbc))
                        .anyExchange().permitAll())
                .build();
    }

    /**
     * Spring Security's strict firewall, except that an encoded slash may appear: OpenAI clients fetch a model as
     * {@code /v1/models/groundwork%2F<roadmap-id>}.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    /** A write (anything but GET, HEAD, OPTIONS, TRACE) without a bearer token: a browser's, so CSRF-checked. */
    private static ServerWebExchangeMatcher cookieSignedWrites() {
        return exchange -> safe(exchange.getRequest().getMethod()) || Credentials.bearer(exchange) != null
                ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
    }

    /** A method that changes nothing: GET, HEAD, OPTIONS, TRACE. */
    static boolean safe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || HttpMethod.TRACE.equals(method);
    }

    /** Single-user mode: the local learner, signed in on every request. */
    private static final class LocalOnly implements ServerSecurityContextRepository {

        private static final Mono<SecurityContext> LOCAL = Mono.just(new SecurityContextImpl(SignedIn.local()));

        @Override
        public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
            return Mono.empty();
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            return LOCAL;
        }
    }
}
