package dev.groundwork.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The current learner: the local learner unless another {@link LearnerResolver} is marked primary (tests resolve two
 * learners from a header), handed to controllers as a {@link Learner} parameter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebFluxConfigurer {

    private final ObjectProvider<LearnerResolver> resolver;

    SecurityConfiguration(ObjectProvider<LearnerResolver> resolver) {
        this.resolver = resolver;
    }

    @Bean
    LocalLearnerResolver localLearnerResolver() {
        return new LocalLearnerResolver();
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CurrentLearner(exchange -> resolver.getObject().resolve(exchange)));
    }
}
