package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.pipeline.IngestEvent;
import dev.groundwork.ingest.pipeline.IngestEvent.JobFinished;
import dev.groundwork.ingest.pipeline.IngestEvent.JobStarted;
import dev.groundwork.ingest.pipeline.IngestListener;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What one process — an app instance or an ingest worker — did with ingestion jobs: how often it started and
 * finished each, by job id. Thread-safe; it hears the events on the process's worker threads.
 */
final class JobLog implements IngestListener {

    /** The property that names the process of an app instance's log. */
    static final String NAME = "test.process-name";

    private final String process;
    private final Map<Long, Integer> started = new ConcurrentHashMap<>();
    private final Map<Long, Integer> finished = new ConcurrentHashMap<>();
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    JobLog(String process) {
        this.process = process;
    }

    @Override
    public void on(IngestEvent event) {
        if (event instanceof JobStarted start) {
            started.merge(start.job().id(), 1, Integer::sum);
            runs.put(start.job().id(), new Run(start.job().resourceId(), System.nanoTime(), Long.MAX_VALUE));
        } else if (event instanceof JobFinished finish) {
            finished.merge(finish.job().id(), 1, Integer::sum);
            runs.computeIfPresent(finish.job().id(), (id, run) -> new Run(run.resourceId(), run.start(), System.nanoTime()));
        }
    }

    String process() {
        return process;
    }

    Map<Long, Integer> started() {
        return Map.copyOf(started);
    }

    Map<Long, Integer> finished() {
        return Map.copyOf(finished);
    }

    /** When each job ran (in this JVM's {@link System#nanoTime()}), by job id. */
    Map<Long, Run> runs() {
        return Map.copyOf(runs);
    }

    /** A job's run: the resource it ingested ({@code null} for topic texts), from start to finish. */
    record Run(UUID resourceId, long start, long end) {

        boolean overlaps(Run other) {
            return start < other.end && other.start < end;
        }
    }

    /** An app instance's log, as a listener bean its background ingestion calls. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InApp {

        @Bean
        JobLog jobLog(Environment environment) {
            return new JobLog(environment.getRequiredProperty(NAME));
        }
    }
}
