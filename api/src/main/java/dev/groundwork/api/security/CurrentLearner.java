package dev.groundwork.api.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Fills every controller parameter of type {@link Learner} from the {@link LearnerResolver}. */
final class CurrentLearner implements HandlerMethodArgumentResolver {

    private final LearnerResolver resolver;

    CurrentLearner(LearnerResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Learner.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return resolver.resolve(exchange).cast(Object.class);
    }
}
