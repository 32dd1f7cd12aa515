package dev.groundwork.api.streams.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * What the stream benchmarks share: an HTTP client sized for thousands of open connections on its own event loops
 * (so that reading the streams does not compete with the app's loops), heap measured after a GC, and a histogram.
 */
final class LoadClient {

    static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
    };

    private static final LoopResources LOOPS = LoopResources.create("bench-client", 2, true);

    private LoadClient() {
    }

    /**
     * A client that holds up to {@code connections} connections at once and queues none past that (the default pool
     * holds 2 per core, at least 16, and refuses requests once 2× that many wait).
     */
    static WebClient create(String baseUrl, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder("bench-" + connections)
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2))
                .build();
        return WebClient.builder().baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).runOn(LOOPS)))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20))
                .build();
    }

    /** Bytes of heap in use after full collections. */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(Duration.ofMillis(200));
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts of values in 0.1 ms buckets from −1 s to +9 s (outside: the end buckets), allocated up front so that
     * recording allocates nothing while the heap is measured. Thread-safe.
     */
    static final class Histogram {

        private static final int OFFSET = 10_000;
        private final AtomicLongArray counts = new AtomicLongArray(100_000);

        void add(double millis) {
            int bucket = (int) Math.round(millis * 10) + OFFSET;
            counts.incrementAndGet(Math.max(0, Math.min(counts.length() - 1, bucket)));
        }

        long count() {
            long total = 0;
            for (int i = 0; i < counts.length(); i++) {
                total += counts.get(i);
            }
            return total;
        }

        /** The nearest-rank percentile in milliseconds; NaN when empty. */
        double percentile(double percentile) {
            long total = count();
            if (total == 0) {
                return Double.NaN;
            }
            long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return (i - OFFSET) / 10.0;
                }
            }
            return Double.NaN;
        }
    }
}
