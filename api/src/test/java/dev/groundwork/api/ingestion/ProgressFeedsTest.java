package dev.groundwork.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.problem.NotFound;
import dev.groundwork.ingest.store.IngestionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Followers of one roadmap share one poll of its state, on a virtual clock. */
class ProgressFeedsTest {

    static final Duration POLL = Duration.ofMillis(500);

    final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicReference<IngestionStatus> current = new AtomicReference<>(state(3, false));
    final ProgressFeeds feeds = new ProgressFeeds(id -> Mono.fromSupplier(() -> {
        reads.incrementAndGet();
        if (!id.equals("roadmap")) {
            throw new NotFound("roadmap", id);
        }
        return current.get();
    }), POLL, clock);

    @Test
    void twoFollowersShareOnePoll() {
        List<IngestionStatus> first = new CopyOnWriteArrayList<>();
        List<IngestionStatus> second = new CopyOnWriteArrayList<>();
        feeds.follow("roadmap").subscribe(first::add);
        feeds.follow("roadmap").subscribe(second::add);

        clock.advanceTimeBy(POLL.multipliedBy(2));
        current.set(state(2, false));
        clock.advanceTimeBy(POLL.multipliedBy(2));

        assertThat(reads).hasValue(5);   // at once, then four polls: one read each, not one per follower
        assertThat(first).containsExactly(state(3, false), state(2, false));
        assertThat(second).containsExactly(state(3, false), state(2, false));
    }

    @Test
    void lateFollowerGetsTheCurrentStateFirstWithoutARead() {
        feeds.follow("roadmap").subscribe();
        current.set(state(1, false));
        clock.advanceTimeBy(POLL);
        int readsBefore = reads.get();

        List<IngestionStatus> late = new CopyOnWriteArrayList<>();
        feeds.follow("roadmap").subscribe(late::add);

        assertThat(late).containsExactly(state(1, false));
        assertThat(reads).hasValue(readsBefore);
    }

    @Test
    void lastFollowerLeavingStopsThePolling() {
        Disposable first = feeds.follow("roadmap").subscribe();
        Disposable second = feeds.follow("roadmap").subscribe();
        first.dispose();
        clock.advanceTimeBy(POLL);
        assertThat(reads).hasValue(2);   // one follower left: still polling

        second.dispose();
        clock.advanceTimeBy(POLL.multipliedBy(10));

        assertThat(reads).hasValue(2);
        assertThat(feeds.followed()).isZero();
    }

    @Test
    void followerAfterTheLastLeftStartsANewPoll() {
        feeds.follow("roadmap").subscribe().dispose();
        current.set(state(1, false));

        List<IngestionStatus> next = new CopyOnWriteArrayList<>();
        feeds.follow("roadmap").subscribe(next::add);

        assertThat(next).containsExactly(state(1, false));
        assertThat(reads).hasValue(2);
    }

    @Test
    void everyFollowerEndsWithTheFinishedStateAndTheFeedIsForgotten() {
        AtomicInteger completed = new AtomicInteger();
        List<IngestionStatus> seen = new CopyOnWriteArrayList<>();
        feeds.follow("roadmap").subscribe(seen::add, e -> { }, completed::incrementAndGet);
        feeds.follow("roadmap").subscribe(state -> { }, e -> { }, completed::incrementAndGet);

        current.set(state(0, true));
        clock.advanceTimeBy(POLL);

        assertThat(seen).containsExactly(state(3, false), state(0, true));
        assertThat(completed).hasValue(2);
        assertThat(feeds.followed()).isZero();
        clock.advanceTimeBy(POLL.multipliedBy(10));
        assertThat(reads).hasValue(2);
    }

    @Test
    void unknownRoadmapFailsItsFollowersBeforeAnyState() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<IngestionStatus> seen = new CopyOnWriteArrayList<>();
        feeds.follow("nope").subscribe(seen::add, failure::set);

        assertThat(failure.get()).isInstanceOf(NotFound.class);
        assertThat(seen).isEmpty();
        assertThat(feeds.followed()).isZero();
    }

    private static IngestionStatus state(int queued, boolean finished) {
        return new IngestionStatus("roadmap", "Caching", Map.of("queued", queued, "running", 0, "done", 3 - queued,
                "failed", 0), Map.of(), 0, 0, finished, List.of());
    }
}
