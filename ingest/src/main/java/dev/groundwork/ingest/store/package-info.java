/** PostgreSQL schema (Flyway, {@code db/migration}) and JDBC access to roadmaps, topics and resources. */
package dev.groundwork.ingest.store;
