package dev.groundwork.api.retrieval;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hybrid retrieval ({@code groundwork.retrieval.*}).
 *
 * <p>Full text is ranked by BM25. {@code bm25K1}, {@code bm25B}, {@code rrfK} and {@code textWeight} were tuned on
 * the SciFact train split only (809 claims, {@code scripts/bench.sh retrieval --tune}): k1 1.2 and b 0.75 ranked full
 * text best alone (nDCG@10 0.701 against 0.695 for Anserini's 0.9 / 0.4), and rrf-k 30 with text weight 0.5 fused
 * best (0.769; dense alone 0.748). {@code efSearch} 400 is the smallest of 100, 200 and 400 whose HNSW recall@10
 * reached 0.98 against exact search on 100,000 chunks ({@code scripts/bench.sh scale}: 0.953, 0.979, 0.995). The
 * other defaults are not tuned.
 *
 * @param candidates          neighbours taken from each of the dense and full-text searches before fusing
 * @param results             chunks a search returns after de-duplication and diversification
 * @param rrfK                reciprocal rank fusion constant: a candidate scores {@code weight / (rrfK + rank)}
 * @param denseWeight         weight of the vector ranking in the fusion
 * @param textWeight          weight of the full-text ranking in the fusion
 * @param bm25K1              BM25 term-frequency saturation: how fast repeats of a term stop adding to a chunk's score
 * @param bm25B               BM25 length normalisation: 0 ignores a chunk's length, 1 divides fully by it
 * @param mmrLambda           relevance versus novelty when diversifying (1 = relevance only)
 * @param duplicateSimilarity cosine similarity at or above which two chunks count as one
 * @param efSearch            HNSW candidate list size per search (pgvector {@code hnsw.ef_search})
 */
@Validated
@ConfigurationProperties("groundwork.retrieval")
public record RetrievalProperties(
        @Min(1) @Max(1000) @DefaultValue("50") int candidates,
        @Min(1) @Max(100) @DefaultValue("8") int results,
        @Min(1) @DefaultValue("30") int rrfK,
        @DecimalMin("0") @DefaultValue("1.0") double denseWeight,
        @DecimalMin("0") @DefaultValue("0.5") double textWeight,
        @DecimalMin("0") @DecimalMax("10") @DefaultValue("1.2") double bm25K1,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.75") double bm25B,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.7") double mmrLambda,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.97") double duplicateSimilarity,
        @Min(10) @Max(1000) @DefaultValue("400") int efSearch) {
}
