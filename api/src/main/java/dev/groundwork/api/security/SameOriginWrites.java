package dev.groundwork.api.security;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Single-user mode has no session to steal but still answers any page the learner's browser visits: a write that a
 * browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is not
 * this server) is refused with {@code 403 csrf}. Scripts and tests, which send neither header, are unaffected.
 */
final class SameOriginWrites implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (WebSecurity.safe(request.getMethod()) || !crossSite(request)) {
            return chain.filter(exchange);
        }
        return SecurityResponses.csrf(exchange, "A change coming from another site is refused.");
    }

    static boolean crossSite(ServerHttpRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeaders().getFirst("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            URI self = request.getURI();
            return from.getHost() == null || !from.getHost().equalsIgnoreCase(self.getHost())
                    || port(from) != port(self);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
