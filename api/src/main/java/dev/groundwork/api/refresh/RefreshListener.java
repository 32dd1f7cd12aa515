package dev.groundwork.api.refresh;

import dev.groundwork.ingest.pipeline.IngestEvent;
import dev.groundwork.ingest.pipeline.IngestListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hears the app's ingest workers: when one finishes a job, the checks it may have been the last job of are finished
 * soon ({@link RefreshScheduler#finishSoon()}) rather than on the next tick. Quick: it only hands work to
 * {@code refresh-1}. The scheduler is looked up on the first event (it needs the ingestion service, which needs the
 * workers that hold this listener).
 */
@Component
class RefreshListener implements IngestListener {

    private final ObjectProvider<RefreshScheduler> scheduler;

    RefreshListener(ObjectProvider<RefreshScheduler> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void on(IngestEvent event) {
        if (event instanceof IngestEvent.JobFinished) {
            scheduler.ifAvailable(RefreshScheduler::finishSoon);
        }
    }
}
