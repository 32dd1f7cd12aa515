package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.retrieval.SearchRequest;
import dev.groundwork.api.retrieval.SearchRequest.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs judged queries through {@link Retriever#search} (global scope, 100 chunks, no diversification) and scores the
 * abstracts they find. A chunk counts for its abstract; an abstract ranks where its best chunk ranks.
 *
 * @param texts   query texts by id
 * @param vectors the same queries embedded once, as the retriever embeds queries
 */
record Evaluation(Map<String, String> texts, Map<String, float[]> vectors) {

    static final int LIMIT = 100;
    private static final int WARM_UP = 5;

    /**
     * Mean nDCG@10 and Recall@100 over the judged queries, the search time (query embedding excluded) at p50 and
     * p95, and each query's nDCG@10 in the order of the judgements (for paired tests).
     */
    record Score(double ndcg10, double recall100, double p50, double p95, double[] perQuery) {
    }

    Score run(Retriever retriever, Mode mode, boolean exact, Map<String, Map<String, Integer>> qrels) {
        qrels.keySet().stream().limit(WARM_UP).forEach(id -> retriever.search(request(id, mode, exact)));
        int n = qrels.size();
        double[] ndcg = new double[n];
        double[] millis = new double[n];
        double recall = 0;
        int i = 0;
        for (Map.Entry<String, Map<String, Integer>> judged : qrels.entrySet()) {
            long start = System.nanoTime();
            List<RetrievedChunk> chunks = retriever.search(request(judged.getKey(), mode, exact));
            millis[i] = (System.nanoTime() - start) / 1e6;
            List<String> ranked = abstracts(chunks);
            ndcg[i] = Metrics.ndcg(ranked, judged.getValue(), 10);
            recall += Metrics.recall(ranked, judged.getValue(), LIMIT);
            i++;
        }
        return new Score(Arrays.stream(ndcg).average().orElse(0), recall / n, Metrics.percentile(millis, 50),
                Metrics.percentile(millis, 95), ndcg);
    }

    private SearchRequest request(String queryId, Mode mode, boolean exact) {
        return new SearchRequest(texts.get(queryId), vectors.get(queryId), Scope.global(), mode, exact, LIMIT, false);
    }

    /** Abstract ids in the order of their best chunk; the search returns chunks best first. */
    static List<String> abstracts(List<RetrievedChunk> chunks) {
        Set<String> ids = new LinkedHashSet<>();
        for (RetrievedChunk chunk : chunks) {
            ids.add(chunk.url().substring(CorpusWriter.URL_PREFIX.length()));
        }
        return new ArrayList<>(ids);
    }
}
