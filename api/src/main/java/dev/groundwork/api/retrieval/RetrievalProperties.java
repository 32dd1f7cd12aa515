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
 * <p>{@code rrfK}, {@code textWeight} and {@code textNormalization} were tuned on the SciFact train split (809 claims,
 * fused over HNSW, {@code scripts/bench.sh retrieval --tune}, chunks indexed with their heading line): normalisation 4
 * ranked full text best alone (nDCG@10 0.458 against 0.409 for 1); rrf-k 10 fused best. Text weight 0.10 scored
 * highest on train (0.749; dense alone 0.748) but 0.25 (0.744) is the default: at 0.10 a chunk that only full-text
 * search finds — an exact identifier, an error code — can never outrank dense candidates, which defeats the point of
 * searching text at all, and the train loss is 0.005. PostgreSQL's full-text rank has no inverse document frequency,
 * so on prose questions it ranks far below BM25 and earns a small weight; it stays in the fusion for what embeddings
 * miss, such as exact identifiers. The other defaults are not tuned.
 *
 * @param candidates          neighbours taken from each of the dense and full-text searches before fusing
 * @param results             chunks a search returns after de-duplication and diversification
 * @param rrfK                reciprocal rank fusion constant: a candidate scores {@code weight / (rrfK + rank)}
 * @param denseWeight         weight of the vector ranking in the fusion
 * @param textWeight          weight of the full-text ranking in the fusion
 * @param textNormalization   how {@code ts_rank_cd} normalises for document length (PostgreSQL's bit mask: 0 none,
 *                            1 divides by 1 + log(length), 2 by length, 4 by the mean distance between extents,
 *                            8 by unique words, 16 by 1 + log(unique words), 32 maps rank to rank / (rank + 1))
 * @param mmrLambda           relevance versus novelty when diversifying (1 = relevance only)
 * @param duplicateSimilarity cosine similarity at or above which two chunks count as one
 * @param efSearch            HNSW candidate list size per search (pgvector {@code hnsw.ef_search})
 */
@Validated
@ConfigurationProperties("groundwork.retrieval")
public record RetrievalProperties(
        @Min(1) @Max(1000) @DefaultValue("50") int candidates,
        @Min(1) @Max(100) @DefaultValue("8") int results,
        @Min(1) @DefaultValue("10") int rrfK,
        @DecimalMin("0") @DefaultValue("1.0") double denseWeight,
        @DecimalMin("0") @DefaultValue("0.25") double textWeight,
        @Min(0) @Max(63) @DefaultValue("4") int textNormalization,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.7") double mmrLambda,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.97") double duplicateSimilarity,
        @Min(10) @Max(1000) @DefaultValue("100") int efSearch) {
}
