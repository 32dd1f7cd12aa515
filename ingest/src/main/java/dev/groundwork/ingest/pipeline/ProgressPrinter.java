package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.pipeline.IngestEvent.JobFinished;
import dev.groundwork.ingest.pipeline.IngestEvent.JobStarted;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows ingestion progress on a terminal: a redrawn progress bar when the stream is a console, one line per
 * finished resource otherwise (logs, CI). Thread-safe.
 */
final class ProgressPrinter implements IngestListener {

    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean console;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger chunks = new AtomicInteger();

    ProgressPrinter(PrintStream out, boolean console, int total) {
        this.out = out;
        this.console = console;
        this.total = Math.max(total, 1);
    }

    @Override
    public synchronized void on(IngestEvent event) {
        if (event instanceof JobStarted started && console) {
            bar(started.url() == null ? "topic texts" : started.url());
        } else if (event instanceof JobFinished finished) {
            int n = done.incrementAndGet();
            chunks.addAndGet(finished.chunks());
            String what = finished.url() == null ? "topic texts" : finished.url();
            if (console) {
                bar(what);
            } else {
                out.printf("[%d/%d] %-12s %s%s%n", n, total, finished.state(), what,
                        finished.reason() == null ? "" : " (" + finished.reason() + ")");
            }
        }
    }

    /** One line per finished job, for a worker whose total is unknown: {@code roadmap  state  resource (reason)}. */
    static IngestListener jobLines(PrintStream out) {
        return event -> {
            if (event instanceof JobFinished finished) {
                String what = finished.url() == null ? "topic texts" : finished.url();
                out.printf("%s  %-12s %s%s%n", finished.job().roadmapId(), finished.state(), what,
                        finished.reason() == null ? "" : " (" + finished.reason() + ")");
            }
        };
    }

    void finish() {
        if (console) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }

    private void bar(String current) {
        int n = done.get();
        int filled = WIDTH * n / total;
        String label = current.length() > 45 ? "…" + current.substring(current.length() - 44) : current;
        out.printf("\r[%s%s] %d/%d · %d chunks · %-45s", "=".repeat(filled), " ".repeat(WIDTH - filled), n, total,
                chunks.get(), label);
        out.flush();
    }
}
