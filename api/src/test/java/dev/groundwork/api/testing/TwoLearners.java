package dev.groundwork.api.testing;

import dev.groundwork.api.security.Learner;
import dev.groundwork.api.security.LearnerResolver;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Mono;

/**
 * A test-only learner resolver: a request with header {@value #HEADER}{@code : b} acts for learner {@link #B}; any
 * other request for the built-in local learner ({@link #A}). Both exist in the database. Proves learner isolation
 * with two learners without accounts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TwoLearners {

    public static final String HEADER = "X-Test-Learner";
    public static final Learner A = Learner.LOCAL;
    public static final Learner B = new Learner(UUID.fromString("00000000-0000-0000-0000-00000000000b"), "b");

    @Bean
    @Primary
    LearnerResolver twoLearnerResolver(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO learner (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING").params(B.id(), B.name())
                .update();
        return exchange -> Mono.just("b".equals(exchange.getRequest().getHeaders().getFirst(HEADER)) ? B : A);
    }
}
