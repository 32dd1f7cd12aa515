package dev.groundwork.api.refresh;

import dev.groundwork.api.flashcard.CardExchange;
import dev.groundwork.api.ingestion.IngestionService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps roadmaps fresh. Every {@link RefreshProperties#tick()} each app instance {@link #tick() ticks} on its own
 * daemon thread {@code refresh-1}: it starts a check of the roadmaps that are due (when
 * {@link RefreshProperties#enabled()}), which only queues their ingest jobs for the workers of any process, and it
 * finishes the checks whose jobs are all done: their record is written and the cards built on changed sources are
 * re-anchored or marked stale at once, for every learner, rather than when someone next reads them. However many
 * instances tick, a roadmap is checked once per interval ({@link RefreshClaims}). Blocking, never the event loop.
 */
@Component
class RefreshScheduler implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    private final RefreshClaims claims;
    private final IngestionService ingestion;
    private final CardExchange cards;
    private final RefreshProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "refresh-1");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();

    RefreshScheduler(RefreshClaims claims, IngestionService ingestion, CardExchange cards,
            RefreshProperties properties, Clock clock) {
        this.claims = claims;
        this.ingestion = ingestion;
        this.cards = cards;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        long every = properties.tick().toMillis();
        thread.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One look: starts the due checks, then finishes the done ones. Safe to call from several threads and
     * instances at once.
     *
     * @return the roadmaps whose check started
     */
    List<String> tick() {
        List<String> started = properties.enabled()
                ? claims.startDue(clock.instant(), properties.defaultInterval(), properties.batch())
                : List.of();
        if (!started.isEmpty()) {
            log.info("Checking {} roadmap(s) for changed sources: {}", started.size(), started);
            ingestion.wake();
        }
        finishDone();
        return started;
    }

    /**
     * Finishes the done checks on {@code refresh-1} {@link RefreshProperties#settle()} from now, without waiting for
     * the next tick: called when a job ended in this process. A call puts off the pass an earlier one asked for, so a
     * burst of jobs ending makes one pass, after the last. Returns at once.
     */
    void finishSoon() {
        try {
            ScheduledFuture<?> next = thread.schedule(this::finishQuietly, properties.settle().toMillis(),
                    TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = pending.getAndSet(next);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RejectedExecutionException shuttingDown) {
            // the context is closing: nothing to finish here
        }
    }

    private void finishQuietly() {
        try {
            finishDone();
        } catch (RuntimeException e) {
            log.warn("Finishing refresh checks failed, trying again on the next tick: {}", e.toString());
        }
    }

    private void finishDone() {
        for (String roadmapId : claims.finishDone(clock.instant())) {
            cards.reconcile(roadmapId);
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Refresh tick failed, trying again in {}: {}", properties.tick(), e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
