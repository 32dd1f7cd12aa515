package dev.groundwork.api.retrieval.bench;

import java.util.List;
import java.util.Map;

/**
 * The BEIR metrics as trec_eval computes them: nDCG@k with linear gain (the judgement's score) and a log2 discount,
 * and recall@k over the documents judged relevant (score above 0).
 */
final class Metrics {

    private Metrics() {
    }

    /** @param ranked document ids, best first, without repeats; @param judged id → graded relevance */
    static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += judged.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(score -> score > 0)
                .sorted((a, b) -> b - a).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(score -> score > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
