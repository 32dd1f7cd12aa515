package dev.groundwork.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The current learner, handed to controllers as a {@link Learner} parameter: the signed-in one, unless another
 * {@link LearnerResolver} is marked primary (tests resolve two learners from a header). The filter chains of the two
 * modes are in {@link WebSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration implements WebFluxConfigurer {

    private final ObjectProvider<LearnerResolver> resolver;

    SecurityConfiguration(ObjectProvider<LearnerResolver> resolver) {
        this.resolver = resolver;
    }

    @Bean
    LearnerResolver signedInLearners() {
        return new SignedInLearners();
    }

    /** Spring Security's default: bcrypt today, and hashes of older encoders still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CurrentLearner(exchange -> resolver.getObject().resolve(exchange)));
    }
}
