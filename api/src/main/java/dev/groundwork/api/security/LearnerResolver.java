package dev.groundwork.api.security;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place that decides which learner a request acts for. Controllers never resolve it themselves: they declare
 * a {@link Learner} parameter and {@link CurrentLearner} asks this resolver. Until accounts exist, the app's resolver
 * is {@link LocalLearnerResolver}.
 */
public interface LearnerResolver {

    /** The learner of this request; an error (never empty) when there is none. Must not block. */
    Mono<Learner> resolve(ServerWebExchange exchange);
}
