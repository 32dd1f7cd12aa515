package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.redirect;
import static dev.groundwork.ingest.fetch.LocalServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Deadlines, size caps, redirects, retries and politeness. */
class FetcherLimitsTest extends FetcherScenario {

    @Test
    void timesOutOnABodyThatDripsSlowerThanTheReadTimeout() {
        properties.readTimeout = Duration.ofMillis(300);
        properties.maxAttempts = 1;
        server.route("/slow", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                sleep(50);
            }
        });
        long start = System.nanoTime();

        FetchResult result = fetcher().fetch(server.url("/slow"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(f.describe()).isEqualTo("timed out after 300 ms");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void retriesATimeoutAndSucceeds() {
        properties.readTimeout = Duration.ofMillis(200);
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", exchange -> {
            if (calls.incrementAndGet() == 1) {
                sleep(600);
            }
            send(exchange, 200, "text/html", HTML);
        });

        FetchResult result = fetcher().fetch(server.url("/flaky"), null);

        assertThat(result).isInstanceOf(FetchedPage.class);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void detectsARedirectLoop() {
        server.route("/a", exchange -> redirect(exchange, 302, "/b"));
        server.route("/b", exchange -> redirect(exchange, 302, server.url("/a")));

        FetchResult result = fetcher().fetch(server.url("/a"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.REDIRECT_LOOP);
            assertThat(f.describe()).isEqualTo("redirect loop at " + server.url("/a"));
        });
    }

    @Test
    void givesUpAfterTooManyRedirects() {
        for (int i = 0; i < 10; i++) {
            int next = i + 1;
            server.route("/r" + i, exchange -> redirect(exchange, 301, "/r" + next));
        }

        FetchResult result = fetcher().fetch(server.url("/r0"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
            assertThat(f.describe()).isEqualTo("more than 5 redirects");
        });
        assertThat(server.hits("/r5")).isEqualTo(1);
        assertThat(server.hits("/r6")).isZero();
    }

    @Test
    void refusesA50MbBodyByItsContentLengthWithoutReadingIt() {
        AtomicLong written = new AtomicLong();
        server.route("/big", exchange -> streamZeros(exchange, 50L << 20, true, written));

        FetchResult result = fetcher().fetch(server.url("/big"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(f.describe()).isEqualTo("larger than 20 MB");
        });
        assertThat(written.get()).isLessThan(20L << 20);
    }

    @Test
    void stopsReadingAnUndeclared50MbBodyOnceItPassesTheCap() {
        AtomicLong written = new AtomicLong();
        server.route("/big", exchange -> streamZeros(exchange, 50L << 20, false, written));

        FetchResult result = fetcher().fetch(server.url("/big"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.TOO_LARGE));
        sleep(100);
        assertThat(written.get()).isLessThan(30L << 20);
    }

    @Test
    void retriesA503AfterTheRetryAfterSeconds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/busy", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "7");
                send(exchange, 503, "text/plain", new byte[0]);
            } else {
                send(exchange, 200, "text/html", HTML);
            }
        });

        FetchResult result = fetcher().fetch(server.url("/busy"), null);

        assertThat(result).isInstanceOf(FetchedPage.class);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursARetryAfterDateButNoLongerThanTheCap() {
        properties.maxAttempts = 3;
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(FakeTime.START.plusSeconds(10).atZone(ZoneOffset.UTC));
        AtomicInteger calls = new AtomicInteger();
        server.route("/busy", exchange -> {
            int call = calls.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", call == 1 ? inTenSeconds : "3600");
            send(exchange, 429, "text/plain", new byte[0]);
        });

        FetchResult result = fetcher().fetch(server.url("/busy"), null);

        assertThat(result).isEqualTo(new FetchFailure(server.url("/busy"), Reason.HTTP_STATUS, 429, null));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfter() {
        server.route("/down", exchange -> send(exchange, 502, "text/plain", new byte[0]));

        FetchResult result = fetcher().fetch(server.url("/down"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> assertThat(f.httpStatus()).isEqualTo(502));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(server.hits("/down")).isEqualTo(3);
    }

    @Test
    void spacesRequestsToTheSameHost() {
        properties.perHostDelay = Duration.ofMillis(200);
        server.content("/one", "text/html", HTML).content("/two", "text/html", HTML);
        Fetcher fetcher = fetcher();

        fetcher.fetch(server.url("/one"), null);
        fetcher.fetch(server.url("/two"), null);

        // robots.txt, /one and /two: each waits for the 200 ms after the previous start (the fake clock moves only
        // while sleeping)
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void keepsAtMostTheConfiguredRequestsInFlightPerHost() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            server.route("/p" + i, exchange -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(120);
                inFlight.decrementAndGet();
                send(exchange, 200, "text/html", HTML);
            });
        }
        Fetcher fetcher = fetcher();
        fetcher.fetch(server.url("/p0"), null); // robots.txt read before the race
        peak.set(0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<FetchResult>> results = pool.invokeAll(java.util.stream.IntStream.range(0, 4)
                    .<java.util.concurrent.Callable<FetchResult>>mapToObj(i -> () -> fetcher.fetch(server.url("/p" + i), null))
                    .toList(), 3, java.util.concurrent.TimeUnit.SECONDS);
            for (java.util.concurrent.Future<FetchResult> result : results) {
                assertThat(result.get()).isInstanceOf(FetchedPage.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isEqualTo(2);
    }
}
