package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.testing.BenchApp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one search per query, {@code searchers} at a time on as many threads, after a few untimed warm-up searches,
 * and times each search.
 *
 * @param results  each query's ranking (chunk ids, best first), in query order
 * @param millis   each search's time, in query order
 * @param seconds  wall time of the whole run
 */
record Searches(List<List<String>> results, List<Double> millis, double seconds) {

    private static final int WARM_UP = 5;

    static Searches run(int queries, int searchers, IntFunction<List<String>> search) {
        for (int q = 0; q < Math.min(WARM_UP, queries); q++) {
            search.apply(q);
        }
        @SuppressWarnings("unchecked")
        List<String>[] results = new List[queries];
        Double[] millis = new Double[queries];
        ExecutorService pool = Executors.newFixedThreadPool(searchers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int q = 0; q < queries; q++) {
                int query = q;
                done.add(pool.submit(() -> {
                    long began = System.nanoTime();
                    results[query] = search.apply(query);
                    millis[query] = (System.nanoTime() - began) / 1e6;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Searches(Arrays.asList(results), Arrays.asList(millis), (System.nanoTime() - start) / 1e9);
    }

    double p(int percentile) {
        return BenchApp.percentile(millis, percentile);
    }

    double perSecond() {
        return results.size() / seconds;
    }
}
