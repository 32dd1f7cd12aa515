package dev.groundwork.ingest.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets SIGTERM or Ctrl-C stop a {@code work} gracefully: a shutdown hook asks the worker to stop and waits, at most
 * a lease, for the command to end — the jobs in hand finished and reported (a job still held after that is taken
 * again once its lease runs out).
 */
final class StopOnShutdown {

    private StopOnShutdown() {
    }

    static <T> T around(QueueWorker worker, Duration grace, Supplier<T> work) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.stop();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "work-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the work is finished
            }
        }
    }
}
