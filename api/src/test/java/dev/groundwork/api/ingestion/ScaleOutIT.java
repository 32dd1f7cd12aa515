package dev.groundwork.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.IngestWorker;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Groundwork on more than one machine: two app instances (background ingestion on in both) and two ingest workers
 * in the worker role ({@code groundwork-ingest work --watch}) share one fresh database and ingest the five seed
 * roadmaps together, from the offline mirror, embedding with the deterministic hashing model. All four claim from the
 * one durable queue at once; no job is done twice, no chunk is stored twice, a progress stream on instance A follows
 * what the others do, and both instances retrieve the same sources for the same question.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScaleOutIT {

    static final List<String> SEEDS = List.of("000_72930f71c79b6e62.txt", "001_1a123edda492b329.txt",
            "002_b3a40b5122b0f3e3.txt", "003_0efd650f91282031.txt", "004_f81cf6d221e2f740.txt");
    static final Duration INGESTION = Duration.ofMinutes(2);
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    static ConfigurableApplicationContext appA;
    static ConfigurableApplicationContext appB;
    static IngestWorker worker1;
    static IngestWorker worker2;
    static final List<JobLog> LOGS = new ArrayList<>();
    static WebClient a;
    static WebClient b;
    static JdbcClient jdbc;
    /** Per roadmap id, the named events of the progress stream opened on instance A right after its import. */
    static final Map<String, List<ServerSentEvent<Map<String, Object>>>> STREAMS = new LinkedHashMap<>();

    @BeforeAll
    static void fourProcessesIngestTheSeedsTogether() throws Exception {
        TestDatabase db = TestDatabase.named("scale-out");
        Map<String, Object> shared = new HashMap<>(MirrorServer.shared().fetchProperties());
        shared.put("groundwork.ingest.workers", "2");
        shared.put("groundwork.ingest.poll-interval", "200ms");
        appA = app(db, shared, "app-a");
        appB = app(db, shared, "app-b");
        JobLog log1 = new JobLog("worker-1");
        JobLog log2 = new JobLog("worker-2");
        worker1 = IngestWorker.start("worker-1", db, shared, log1);
        worker2 = IngestWorker.start("worker-2", db, shared, log2);
        LOGS.addAll(List.of(appA.getBean(JobLog.class), appB.getBean(JobLog.class), log1, log2));
        a = client(appA);
        b = client(appB);
        jdbc = appA.getBean(JdbcClient.class);

        Map<String, CompletableFuture<List<ServerSentEvent<Map<String, Object>>>>> streams = new LinkedHashMap<>();
        for (int i = 0; i < SEEDS.size(); i++) {
            // imported through either instance, as a load balancer would spread them; every stream is on A
            String id = importSeed(i % 2 == 0 ? a : b, SEEDS.get(i));
            streams.put(id, a.get().uri("/api/roadmaps/{id}/ingestion/events", id).accept(MediaType.TEXT_EVENT_STREAM)
                    .retrieve().bodyToFlux(EVENT).filter(e -> e.event() != null).collectList()
                    .timeout(INGESTION).toFuture());
        }
        for (var stream : streams.entrySet()) {
            STREAMS.put(stream.getKey(), stream.getValue().get(INGESTION.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (IngestWorker worker : Stream.of(worker1, worker2).filter(w -> w != null).toList()) {
            worker.close();
        }
        for (ConfigurableApplicationContext app : Stream.of(appA, appB).filter(c -> c != null).toList()) {
            app.close();
        }
    }

    @Test
    void everyJobIsDoneExactlyOnceAndByMoreThanOneProcess() {
        List<Map<String, Object>> jobs = jdbc.sql("SELECT id, state, attempts FROM ingest_job ORDER BY id")
                .query().listOfRows();
        assertThat(jobs).hasSizeGreaterThan(SEEDS.size())
                .allSatisfy(job -> assertThat(job).as("job %s", job.get("id"))
                        .containsEntry("state", "done").containsEntry("attempts", 1));
        for (Map<String, Object> job : jobs) {
            long id = ((Number) job.get("id")).longValue();
            assertThat(LOGS.stream().mapToInt(log -> log.started().getOrDefault(id, 0)).sum())
                    .as("processes that started job %d", id).isEqualTo(1);
            assertThat(LOGS.stream().mapToInt(log -> log.finished().getOrDefault(id, 0)).sum())
                    .as("processes that finished job %d", id).isEqualTo(1);
        }
        Map<String, Integer> byProcess = new LinkedHashMap<>();
        LOGS.forEach(log -> byProcess.put(log.process(), log.finished().size()));
        assertThat(byProcess.values().stream().filter(n -> n > 0).count()).as("jobs per process: %s", byProcess)
                .isGreaterThan(1);
    }

    @Test
    void noResourceIsIngestedByTwoJobsAtOnce() {
        Map<UUID, List<JobLog.Run>> byResource = LOGS.stream().flatMap(log -> log.runs().values().stream())
                .filter(run -> run.resourceId() != null)
                .collect(Collectors.groupingBy(JobLog.Run::resourceId));
        List<String> overlapping = new ArrayList<>();
        byResource.forEach((resource, runs) -> {
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    if (runs.get(i).overlaps(runs.get(j))) {
                        overlapping.add(jdbc.sql("SELECT url FROM resource WHERE id = ?").param(resource)
                                .query(String.class).single());
                    }
                }
            }
        });
        assertThat(byResource.values()).as("resources two roadmaps share").anySatisfy(runs ->
                assertThat(runs).hasSizeGreaterThan(1));
        assertThat(overlapping).as("resources two jobs ingested at the same time").isEmpty();
    }

    @Test
    void noChunkIsStoredTwice() {
        assertThat(jdbc.sql("""
                SELECT coalesce(document_id, topic_id)::text || ' #' || (metadata ->> 'chunk_index')
                FROM chunks GROUP BY coalesce(document_id, topic_id), metadata ->> 'chunk_index' HAVING count(*) > 1
                """).query(String.class).list()).as("a document's or topic's chunk index stored twice").isEmpty();
        assertThat(jdbc.sql("""
                SELECT d.url FROM document d
                WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
                """).query(String.class).list()).as("documents whose chunks are not the ones counted").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM chunks WHERE document_id IS NULL AND topic_id IS NULL")
                .query(Integer.class).single()).as("chunks of no document or topic").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single()).isPositive();
    }

    @Test
    void aProgressStreamOnOneInstanceFollowsJobsOthersRunAndEndsWithTheDatabasesCounts() {
        assertThat(STREAMS).hasSize(SEEDS.size());
        int byOthers = 0;
        for (var stream : STREAMS.entrySet()) {
            String id = stream.getKey();
            List<ServerSentEvent<Map<String, Object>>> events = stream.getValue();
            assertThat(events).as(id).isNotEmpty();
            assertThat(events.subList(0, events.size() - 1)).as(id)
                    .allSatisfy(e -> assertThat(e.event()).isEqualTo("progress"));
            ServerSentEvent<Map<String, Object>> done = events.get(events.size() - 1);
            assertThat(done.event()).as(id).isEqualTo("done");
            assertThat(done.data()).as(id).containsEntry("finished", true)
                    .containsEntry("chunks", resourceChunks(id))
                    .containsEntry("topicChunks", topicChunks(id))
                    .containsEntry("jobs", Map.of("queued", 0, "running", 0, "done", jobs(id), "failed", 0));
            byOthers += jobsOfRoadmapFinishedBy(id, "app-b", "worker-1", "worker-2");
        }
        assertThat(STREAMS.values()).as("streams that saw progress before done")
                .anySatisfy(events -> assertThat(events).hasSizeGreaterThan(1));
        assertThat(byOthers).as("jobs of the followed roadmaps that processes other than A ran").isPositive();
    }

    @Test
    void bothInstancesRetrieveTheSameSourcesForTheSameQuestions() {
        List<Map<String, Object>> topics = jdbc.sql("""
                SELECT t.id::text AS id, t.title FROM topic t
                JOIN topic_resource tr ON tr.topic_id = t.id JOIN chunks c ON c.resource_id = tr.resource_id
                GROUP BY t.id, t.title ORDER BY count(*) DESC, t.id LIMIT 4
                """).query().listOfRows();
        assertThat(topics).hasSize(4);
        for (Map<String, Object> topic : topics) {
            Map<String, Object> question = Map.of("question", "What should I know about " + topic.get("title") + "?",
                    "topicId", topic.get("id"));
            List<String> onA = sourceIds(a, question);
            assertThat(onA).as("%s", topic.get("title")).isNotEmpty();
            assertThat(sourceIds(b, question)).as("%s", topic.get("title")).isEqualTo(onA);
        }
        Map<String, Object> roadmapWide = Map.of("question", "How do I monitor a service with metrics?",
                "roadmapId", STREAMS.keySet().iterator().next());
        assertThat(sourceIds(b, roadmapWide)).isNotEmpty().isEqualTo(sourceIds(a, roadmapWide));
    }

    private static ConfigurableApplicationContext app(TestDatabase db, Map<String, Object> shared, String name) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.put("groundwork.ingest.background", "true");
        properties.put("groundwork.ingestion-events.poll", "100ms");
        properties.put(JobLog.NAME, name);
        return BenchApp.start(db, properties, HashingEmbeddingConfiguration.class, JobLog.InApp.class);
    }

    private static WebClient client(ConfigurableApplicationContext app) {
        return WebClient.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private static String importSeed(WebClient instance, String seed) throws IOException {
        byte[] document;
        try (InputStream in = ScaleOutIT.class.getResourceAsStream("/roadmap/" + seed)) {
            document = in.readAllBytes();
        }
        Map<?, ?> created = instance.post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue(document).retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        return (String) created.get("id");
    }

    private static List<String> sourceIds(WebClient instance, Map<String, Object> question) {
        List<ServerSentEvent<Map<String, Object>>> events = instance.post().uri("/api/answers")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(question)
                .retrieve().bodyToFlux(EVENT).filter(e -> e.event() != null).collectList()
                .block(Duration.ofSeconds(60));
        assertThat(events.get(0).event()).isEqualTo("sources");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) events.get(0).data().get("sources");
        return sources.stream().map(source -> (String) source.get("chunkId")).toList();
    }

    private static int resourceChunks(String roadmapId) {
        return jdbc.sql("""
                SELECT count(*) FROM chunks c WHERE c.resource_id IN (
                    SELECT tr.resource_id FROM topic_resource tr JOIN topic t ON t.id = tr.topic_id WHERE t.roadmap_id = ?)
                """).param(roadmapId).query(Integer.class).single();
    }

    private static int topicChunks(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM chunks c JOIN topic t ON t.id = c.topic_id WHERE t.roadmap_id = ?")
                .param(roadmapId).query(Integer.class).single();
    }

    private static int jobs(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM ingest_job WHERE roadmap_id = ?").param(roadmapId)
                .query(Integer.class).single();
    }

    private static int jobsOfRoadmapFinishedBy(String roadmapId, String... processes) {
        List<Long> ids = jdbc.sql("SELECT id FROM ingest_job WHERE roadmap_id = ?").param(roadmapId)
                .query(Long.class).list();
        List<String> names = List.of(processes);
        return (int) LOGS.stream().filter(log -> names.contains(log.process()))
                .flatMap(log -> log.finished().keySet().stream()).filter(ids::contains).count();
    }
}
