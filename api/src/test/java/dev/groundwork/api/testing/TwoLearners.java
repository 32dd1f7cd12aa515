package dev.groundwork.api.testing;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.security.Learner;
import dev.groundwork.api.security.LearnerResolver;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A test-only learner resolver: a request with header {@value #HEADER}{@code : b} acts for learner {@link #B}, one
 * whose header is a UUID for that learner (created on first use, so a test can start with a learner holding nothing),
 * any other request for the built-in local learner ({@link #A}). Proves learner isolation without accounts.
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
        return exchange -> {
            String value = exchange.getRequest().getHeaders().getFirst(HEADER);
            if ("b".equals(value)) {
                return Mono.just(B);
            }
            return Uuids.parse(value).map(id -> Mono.fromCallable(() -> {
                jdbc.sql("INSERT INTO learner (id, name) VALUES (?, 'test') ON CONFLICT (id) DO NOTHING").param(id)
                        .update();
                return new Learner(id, "test");
            }).subscribeOn(Schedulers.boundedElastic())).orElse(Mono.just(A));
        };
    }
}
