package dev.groundwork.api.streams.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Idle progress streams ({@code GET /api/roadmaps/{id}/ingestion/events}) held open on roadmaps whose ingestion is
 * queued but not moving: once every connection has its first event, for {@code hold} they should receive nothing
 * but heartbeats. Counts heartbeats and the longest silence per connection, the statements the database committed
 * meanwhile ({@code pg_stat_database}), and the heap the open connections hold.
 */
final class ProgressFollowersLoad {

    record Row(int connections, int roadmaps, int opened, int held, int errors, List<Integer> heartbeats,
            double longestSilenceSeconds, int late, double statementsPerSecond, long heapPerConnection) {
    }

    private final WebClient client;
    private final JdbcClient jdbc;
    private final List<String> roadmapIds;
    private final Duration heartbeat;

    ProgressFollowersLoad(WebClient client, JdbcClient jdbc, List<String> roadmapIds, Duration heartbeat) {
        this.client = client;
        this.jdbc = jdbc;
        this.roadmapIds = roadmapIds;
        this.heartbeat = heartbeat;
    }

    /** One connection. Written by one signal at a time, read by the bench once the window closes. */
    private static final class Follower {
        volatile boolean opened;
        volatile boolean ended;
        volatile boolean failed;
        volatile long windowStart = Long.MAX_VALUE;
        volatile long lastBeat;
        volatile int beats;
        volatile long longestSilence;

        void beat() {
            long now = System.nanoTime();
            if (now >= windowStart) {
                longestSilence = Math.max(longestSilence, now - Math.max(lastBeat, windowStart));
                beats++;
            }
            lastBeat = now;
        }

        void closeWindow(long end) {
            longestSilence = Math.max(longestSilence, end - Math.max(lastBeat, windowStart));
        }
    }

    Row run(int connections, int roadmaps, Duration hold, Duration limit) {
        long before = LoadClient.heapAfterGc();
        List<Follower> followers = new ArrayList<>();
        List<Disposable> subscriptions = new ArrayList<>();
        AtomicInteger settled = new AtomicInteger();
        for (int i = 0; i < connections; i++) {
            Follower follower = new Follower();
            followers.add(follower);
            subscriptions.add(client.get().uri("/api/roadmaps/{id}/ingestion/events", roadmapIds.get(i % roadmaps))
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .retrieve().bodyToFlux(LoadClient.EVENT)
                    .subscribe(event -> {
                        if (event.event() != null && !follower.opened) {
                            follower.opened = true;
                            settled.incrementAndGet();
                        } else if (event.event() == null && event.comment() != null) {
                            follower.beat();
                        }
                    }, error -> {
                        follower.failed = true;
                        end(follower, settled);
                    }, () -> end(follower, settled)));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (settled.get() < connections && System.nanoTime() < deadline) {
            LoadClient.sleep(Duration.ofMillis(100));
        }
        long windowStart = System.nanoTime();
        followers.forEach(f -> f.windowStart = windowStart);
        long committedBefore = committed();
        LoadClient.sleep(hold);
        long committedAfter = committed();
        long windowEnd = System.nanoTime();
        double seconds = (windowEnd - windowStart) / 1e9;
        List<Integer> beats = new ArrayList<>();
        long longest = 0;
        int late = 0;
        int held = 0;
        for (Follower f : followers) {
            if (f.opened && !f.ended) {
                held++;
                f.closeWindow(windowEnd);
                beats.add(f.beats);
                longest = Math.max(longest, f.longestSilence);
                late += f.longestSilence > 2 * heartbeat.toNanos() ? 1 : 0;
            }
        }
        long with = connections == 0 ? before : LoadClient.heapAfterGc();
        subscriptions.forEach(Disposable::dispose);
        LoadClient.sleep(Duration.ofSeconds(3));   // the server notices the closed connections
        int opened = (int) followers.stream().filter(f -> f.opened).count();
        int errors = (int) followers.stream().filter(f -> f.failed || f.ended).count();
        return new Row(connections, roadmaps, opened, held, errors, beats, longest / 1e9, late,
                (committedAfter - committedBefore - 1) / seconds, held == 0 ? 0 : (with - before) / held);
    }

    private static void end(Follower follower, AtomicInteger settled) {
        if (!follower.opened) {
            settled.incrementAndGet();
        }
        follower.ended = true;
    }

    /** Transactions committed in the app's database so far (each autocommit statement is one). */
    private long committed() {
        return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class).single();
    }
}
