package dev.groundwork.ingest.testdb;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points a Spring test context at the {@link TestDatabase} of this JVM. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails testDatabase() {
        return connectionTo(TestDatabase.get());
    }

    /** Spring's connection details for a test database. */
    public static JdbcConnectionDetails connectionTo(TestDatabase db) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return db.username();
            }

            @Override
            public String getPassword() {
                return db.password();
            }
        };
    }
}
