/** Test support: a fresh PostgreSQL database with pgvector per test run (local server or Testcontainers). */
package dev.groundwork.ingest.testdb;
