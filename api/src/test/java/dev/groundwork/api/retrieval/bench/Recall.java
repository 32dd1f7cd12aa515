package dev.groundwork.api.retrieval.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recall@k of an approximate search against the exact one: the share of the exact top k that the approximate top k
 * holds. When the exact search finds fewer than k (a small scope), the share of those it found.
 */
final class Recall {

    private Recall() {
    }

    static double at(List<String> exact, List<String> approximate, int k) {
        List<String> truth = exact.subList(0, Math.min(k, exact.size()));
        if (truth.isEmpty()) {
            return 1;
        }
        Set<String> found = new HashSet<>(approximate.subList(0, Math.min(k, approximate.size())));
        return (double) truth.stream().filter(found::contains).count() / truth.size();
    }

    /** The mean of {@link #at} over queries: {@code exact} and {@code approximate} hold each query's ranking. */
    static double mean(List<List<String>> exact, List<List<String>> approximate, int k) {
        if (exact.size() != approximate.size()) {
            throw new IllegalArgumentException(exact.size() + " exact rankings but " + approximate.size()
                    + " approximate ones");
        }
        double sum = 0;
        for (int i = 0; i < exact.size(); i++) {
            sum += at(exact.get(i), approximate.get(i), k);
        }
        return exact.isEmpty() ? 0 : sum / exact.size();
    }
}
