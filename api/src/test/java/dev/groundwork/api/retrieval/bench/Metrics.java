package dev.groundwork.api.retrieval.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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

    /**
     * Two-sided paired randomisation test (Fisher's, as in Smucker, Allan and Carterette 2007): how often, over
     * {@code trials} random sign flips of the per-query differences, the mean difference is at least as far from 0 as
     * the observed one. The seed is fixed so that a run is repeatable.
     *
     * @return the p-value
     */
    static double pairedRandomization(double[] a, double[] b, int trials, long seed) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired samples of equal, non-zero size");
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - b[i];
        }
        double observed = Math.abs(Arrays.stream(differences).sum());
        SplittableRandom random = new SplittableRandom(seed);
        int asExtreme = 0;
        for (int trial = 0; trial < trials; trial++) {
            double sum = 0;
            for (double difference : differences) {
                sum += random.nextBoolean() ? difference : -difference;
            }
            if (Math.abs(sum) >= observed - 1e-12) {
                asExtreme++;
            }
        }
        return (asExtreme + 1.0) / (trials + 1.0);
    }

    /** The nearest-rank percentile of values (0 < percentile ≤ 100). */
    static double percentile(double[] values, double percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
