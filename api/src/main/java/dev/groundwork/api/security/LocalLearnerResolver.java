package dev.groundwork.api.security;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Single-user mode: every request acts for the built-in local learner. */
public class LocalLearnerResolver implements LearnerResolver {

    @Override
    public Mono<Learner> resolve(ServerWebExchange exchange) {
        return Mono.just(Learner.LOCAL);
    }
}
