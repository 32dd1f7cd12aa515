package dev.groundwork.ingest.testdb;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points a Spring test context that embeds with the real local model at a database of its own
 * ({@link TestDatabase#named}): the other contexts of the JVM store hashing-model vectors, and a document they already
 * ingested would not be embedded again with the real model.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealModelDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails realModelDatabase() {
        return TestDatabaseConfiguration.connectionTo(TestDatabase.named("real-model"));
    }
}
