package dev.groundwork.api.retrieval;

/**
 * One search, spelled out (the benchmark compares modes; the API always uses {@link Mode#FUSED}).
 *
 * @param text      the query text, for full-text search
 * @param vector    the query embedded as a query
 * @param scope     where to look
 * @param mode      which rankings to use
 * @param exact     {@code true}: exact nearest neighbours (sequential scan) instead of the HNSW index
 * @param limit     how many chunks to return
 * @param diversify collapse near-duplicates and diversify with MMR; {@code false} returns the raw ranking
 */
public record SearchRequest(String text, float[] vector, Scope scope, Mode mode, boolean exact, int limit,
        boolean diversify) {

    public enum Mode { DENSE, FULL_TEXT, FUSED }
}
