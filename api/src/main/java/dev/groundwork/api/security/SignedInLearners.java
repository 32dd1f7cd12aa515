package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The app's learner resolver: the signed-in account's learner (accounts mode), or the built-in local learner, whom
 * single-user mode signs in on every request.
 */
final class SignedInLearners implements LearnerResolver {

    @Override
    public Mono<Learner> resolve(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(SignedIn.class::isInstance).map(a -> ((SignedIn) a).account().learner())
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED,
                        ProblemType.UNAUTHENTICATED, "Sign in first.")));
    }
}
