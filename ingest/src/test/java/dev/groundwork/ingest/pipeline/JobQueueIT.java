package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.store.ImportMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The durable queue under competing workers: a claim is exclusive, and a lease that ran out fences its holder. */
@SpringBootTest(classes = SeedIngestionIT.App.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JobQueueIT {

    static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    RoadmapImporter importer;
    @Autowired
    JobQueue queue;
    @Autowired
    JdbcClient jdbc;

    @Test
    void workersClaimingAtOnceNeverTakeTheSameJob() throws Exception {
        String roadmap = queued("Claim race " + System.nanoTime(), 40);
        int jobs = queue.open(roadmap);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String workerId = "claimer-" + w;
                workers.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    Optional<IngestJob> job;
                    while ((job = queue.claim(workerId, LEASE, roadmap)).isPresent()) {
                        mine.add(job.get().id());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> claimed = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                claimed.addAll(worker.get(60, TimeUnit.SECONDS));
            }

            assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates();
            assertThat(jdbc.sql("SELECT attempts FROM ingest_job WHERE roadmap_id = ?").param(roadmap)
                    .query(Integer.class).list()).hasSize(jobs).containsOnly(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWorkerWhoseLeaseRanOutCannotFinishTheJobItsNewHolderIsRunning() {
        String roadmap = queued("Lease race " + System.nanoTime(), 0);
        IngestJob paused = queue.claim("paused", Duration.ZERO, roadmap).orElseThrow();
        IngestJob takenOver = queue.claim("taker", LEASE, roadmap).orElseThrow();
        assertThat(takenOver.id()).isEqualTo(paused.id());
        assertThat(takenOver.attempts()).isEqualTo(paused.attempts() + 1);

        assertThat(queue.heartbeat(paused, "paused", LEASE)).as("the paused worker learns it lost the job").isFalse();
        assertThat(queue.complete(paused)).isFalse();
        assertThat(queue.fail(paused, "late")).isFalse();
        assertThat(state(paused)).containsEntry("state", "running").containsEntry("locked_by", "taker")
                .containsEntry("error", null);

        assertThat(queue.heartbeat(takenOver, "taker", LEASE)).isTrue();
        assertThat(queue.complete(takenOver)).isTrue();
        assertThat(state(paused)).containsEntry("state", "done");
    }

    @Test
    void aResourceTwoRoadmapsLinkIsIngestedByOneJobAtATime() {
        String shared = "https://example.org/shared/" + System.nanoTime();
        String first = importedAndQueued("First sharer " + System.nanoTime(), shared);
        String second = importedAndQueued("Second sharer " + System.nanoTime(), shared);

        IngestJob firstResource = queue.claim("w1", LEASE, first).orElseThrow();
        assertThat(firstResource.kind()).isEqualTo(IngestJob.Kind.RESOURCE);
        IngestJob secondTopics = queue.claim("w2", LEASE, second).orElseThrow();
        assertThat(secondTopics.kind()).as("the older job of the shared resource is skipped")
                .isEqualTo(IngestJob.Kind.TOPICS);
        assertThat(queue.claim("w3", LEASE, second)).as("and waits while the first roadmap's job runs").isEmpty();

        assertThat(queue.complete(firstResource)).isTrue();
        IngestJob secondResource = queue.claim("w3", LEASE, second).orElseThrow();
        assertThat(secondResource.resourceId()).isEqualTo(firstResource.resourceId());
    }

    @Test
    void aRoadmapChangedWhileItsTopicTextsAreIngestedIsIngestedAgainAfterThat() {
        String title = "Changing plan " + System.nanoTime();
        String roadmap = importedAndQueued(title, null);
        IngestJob running = queue.claim("w1", LEASE, roadmap).orElseThrow();
        assertThat(running.kind()).isEqualTo(IngestJob.Kind.TOPICS);

        importer.importDocument(("# " + title + "\n## Week 1: Shared\n- Read\n- Write\n")
                .getBytes(StandardCharsets.UTF_8), "changed.md", ImportMode.update(roadmap));
        assertThat(queue.enqueue(roadmap)).as("the change is queued next to the running job").isEqualTo(1);
        assertThat(queue.enqueue(roadmap)).as("once").isZero();
        assertThat(queue.claim("w2", LEASE, roadmap)).as("and waits for it").isEmpty();

        assertThat(queue.complete(running)).isTrue();
        IngestJob again = queue.claim("w2", LEASE, roadmap).orElseThrow();
        assertThat(again.kind()).isEqualTo(IngestJob.Kind.TOPICS);
        assertThat(again.id()).isNotEqualTo(running.id());
    }

    /** A roadmap with one topic that links {@code url} (none when {@code null}), imported and queued. */
    private String importedAndQueued(String title, String url) {
        String markdown = "# " + title + "\n## Week 1: Shared\n- Read\n" + (url == null ? "" : "- " + url + "\n");
        String id = importer.importDocument(markdown.getBytes(StandardCharsets.UTF_8), "shared.md").roadmap().id();
        queue.enqueue(id);
        return id;
    }

    /** A roadmap with {@code links} web resources and its topics, imported and queued: {@code links + 1} jobs. */
    private String queued(String title, int links) {
        String markdown = "# " + title + "\n## Week 1: Links\n- Read\n" + IntStream.range(0, links)
                .mapToObj(i -> "- https://example.org/queue/" + title.hashCode() + "/" + i + "\n").collect(Collectors.joining());
        String id = importer.importDocument(markdown.getBytes(StandardCharsets.UTF_8), "queue.md").roadmap().id();
        assertThat(queue.enqueue(id)).isEqualTo(links + 1);
        return id;
    }

    private Map<String, Object> state(IngestJob job) {
        return jdbc.sql("SELECT state, locked_by, error FROM ingest_job WHERE id = ?").param(job.id()).query()
                .singleRow();
    }
}
