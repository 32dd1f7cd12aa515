package dev.groundwork.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The named, bounded schedulers that blocking work crosses onto (see THREADING.md). */
@Configuration(proxyBeanMethods = false)
class BlockingConfiguration {

    /** JDBC: every repository call from a request goes through this scheduler. */
    @Bean(destroyMethod = "dispose")
    Scheduler jdbcScheduler(BlockingProperties properties) {
        return Schedulers.newBoundedElastic(properties.jdbcThreads(), properties.jdbcQueue(), "jdbc");
    }

    /** Embedding inference for requests (query vectors, sentence scoring): capped near the core count. */
    @Bean(destroyMethod = "dispose")
    Scheduler inferenceScheduler(BlockingProperties properties) {
        return Schedulers.newBoundedElastic(properties.inferenceThreads(), properties.inferenceQueue(), "inference");
    }
}
