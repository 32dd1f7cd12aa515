package dev.groundwork.api.security;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Placeholder until the shared rate limiter lands (replaced in the same change set). */
@Component
class LoginThrottle {

    Mono<Void> check(String login, String client) {
        return Mono.empty();
    }

    Mono<Void> failed(String login, String client) {
        return Mono.empty();
    }
}
