/** Hybrid search over the chunk table: pgvector neighbours and PostgreSQL full text, fused, de-duplicated, diversified. */
package dev.groundwork.api.retrieval;
