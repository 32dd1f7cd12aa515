package dev.groundwork.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.pipeline.ImportedRoadmap;
import dev.groundwork.ingest.pipeline.JobQueue;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.RoadmapParser;
import dev.groundwork.ingest.roadmap.RoadmapRejected;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = RoadmapStoreIT.App.class)
class RoadmapStoreIT {

    static final List<String> SEEDS = List.of("000_72930f71c79b6e62.txt", "001_1a123edda492b329.txt",
            "002_b3a40b5122b0f3e3.txt", "003_0efd650f91282031.txt", "004_f81cf6d221e2f740.txt");

    @EnableAutoConfiguration
    @ComponentScan("dev.groundwork.ingest")
    @Import(TestDatabaseConfiguration.class)
    static class App {
    }

    static final String PLAN = """
            # Backend Plan

            ## Month 1: Foundations

            ### Week 1: HTTP

            - [HTTP guide](https://example.test/http)

            ### Week 2: Databases

            - Indexes and query plans

            ## Month 2: Scale

            ### Week 3: Caching

            - [Cache guide](https://example.test/cache)
            """;

    @Autowired
    RoadmapImporter importer;
    @Autowired
    RoadmapQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobQueue jobs;
    @Autowired
    SourceStore sources;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update(); // and the cards of their topics
    }

    @Test
    void storesEachSeedAndReadsBackTheSameTree() throws IOException {
        for (String seed : SEEDS) {
            Roadmap parsed = new RoadmapParser().parse(seed(seed));
            ImportedRoadmap imported = importer.importDocument(seed(seed), seed);

            assertThat(imported.result().created()).isTrue();
            StoredRoadmap stored = queries.find(parsed.id()).orElseThrow();
            assertThat(stored.topics()).as(seed).isEqualTo(parsed.topics());
            assertThat(stored.summary().topicCount()).isEqualTo(parsed.allTopics().size());
            assertThat(stored.summary().title()).isEqualTo(parsed.title());
        }
        assertThat(queries.list()).hasSize(SEEDS.size());
    }

    @Test
    void storesAVideoAsNotFetchedWithNoJobAndALinkTakesTheKindALaterRoadmapGivesIt() {
        String plain = importer.importDocument(bytes("""
                # Plain Plan
                ## Week 1: Talks
                - [A talk](https://example.test/talk)
                - [A guide](https://example.test/guide)
                """), "plain.md").roadmap().id();
        importer.importDocument(bytes("""
                # Prefixed Plan
                ## Talks
                Visit the following resources to learn more:
                - [@video@A talk](https://example.test/talk)
                - [@article@A guide](https://example.test/guide)
                - [@official@Keynote](https://www.youtube.com/watch?v=x1)
                """), "prefixed.md");

        Map<String, String> resources = jdbc.sql("SELECT url, type || ' ' || state || ' ' || coalesce(reason, '-') FROM resource")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(resources).containsOnly(
                Map.entry("https://example.test/talk", "video not_fetched video: not fetched"),
                Map.entry("https://example.test/guide", "article pending -"),
                Map.entry("https://www.youtube.com/watch?v=x1", "video not_fetched video: not fetched"));
        // the plain roadmap's jobs: the guide and its topic texts, none for the talk it links
        assertThat(jobs.enqueue(plain)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest_job j JOIN resource r ON r.id = j.resource_id WHERE r.type = 'video'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void reimportingTheSameDocumentReturnsTheStoredRoadmapAndWritesNothing() throws IOException {
        byte[] seed = seed(SEEDS.get(3));
        ImportedRoadmap first = importer.importDocument(seed, "plan.md");
        List<String> idsBefore = topicIds(first.roadmap().id());
        String before = snapshot();

        ImportedRoadmap second = importer.importDocument(seed, "other-name.md");

        assertThat(second.result().unchanged()).isTrue();
        assertThat(second.result().roadmapId()).isEqualTo(first.roadmap().id());
        assertThat(second.result().topics()).isEqualTo(first.result().topics());
        assertThat(topicIds(first.roadmap().id())).isEqualTo(idsBefore);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT source_name FROM roadmap").query(String.class).single()).isEqualTo("plan.md");
    }

    @Test
    void aDifferentDocumentWithATakenTitleIsRefusedAndChangesNothing() {
        importer.importDocument(bytes(PLAN), "plan.md");
        String before = snapshot();

        assertThatThrownBy(() -> importer.importDocument(bytes(PLAN + "### Week 4: Queues\n- Kafka\n"), "other.md"))
                .isInstanceOfSatisfying(RoadmapExists.class, clash -> {
                    assertThat(clash.existingId()).isEqualTo("backend-plan");
                    assertThat(clash.existingTitle()).isEqualTo("Backend Plan");
                });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void updatingAnEditedRoadmapUpdatesTopicsInPlace() throws IOException {
        String original = new String(seed(SEEDS.get(1)), StandardCharsets.UTF_8);
        ImportedRoadmap first = importer.importDocument(original.getBytes(StandardCharsets.UTF_8), null);
        Map<String, String> before = idsByKey(first.roadmap());
        String week1Title = first.roadmap().topics().get(0).children().get(0).title();

        String edited = original.replace("Advanced API Design", "API Design in Depth");
        ImportedRoadmap second = importer.importDocument(edited.getBytes(StandardCharsets.UTF_8), null,
                ImportMode.update(first.roadmap().id()));

        assertThat(second.result().created()).isFalse();
        assertThat(second.result().unchanged()).isFalse();
        assertThat(second.result().added()).isZero();
        assertThat(second.result().removed()).isZero();
        assertThat(second.result().updated()).isPositive();
        assertThat(idsByKey(second.roadmap())).isEqualTo(before);
        Topic week1 = queries.find(first.roadmap().id()).orElseThrow().topics().get(0).children().get(0);
        assertThat(week1.title()).isNotEqualTo(week1Title).contains("API Design in Depth");
    }

    @Test
    void updatingByIdWithARetitledDocumentKeepsTheIdAndTopicIds() {
        ImportedRoadmap first = importer.importDocument(bytes(PLAN), "plan.md");

        ImportedRoadmap second = importer.importDocument(bytes(PLAN.replace("# Backend Plan", "# Server-Side Plan")),
                "renamed.md", ImportMode.update("backend-plan"));

        assertThat(second.roadmap().id()).isEqualTo("backend-plan");
        assertThat(second.roadmap().title()).isEqualTo("Server-Side Plan");
        assertThat(idsByKey(second.roadmap())).isEqualTo(idsByKey(first.roadmap()));
        StoredRoadmap stored = queries.find("backend-plan").orElseThrow();
        assertThat(stored.summary().title()).isEqualTo("Server-Side Plan");
        assertThat(stored.topics()).isEqualTo(second.roadmap().topics());
        assertThat(queries.list()).hasSize(1);
    }

    @Test
    void updatingAnUnknownRoadmapIsRefusedAndStoresNothing() {
        assertThatThrownBy(() -> importer.importDocument(bytes(PLAN), null, ImportMode.update("no-such-plan")))
                .isInstanceOfSatisfying(UnknownRoadmap.class,
                        unknown -> assertThat(unknown.roadmapId()).isEqualTo("no-such-plan"));
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isZero();
    }

    @Test
    void importingAsNewGetsASuffixedSlugAndItsOwnTopicIds() {
        ImportedRoadmap first = importer.importDocument(bytes(PLAN), "plan.md");

        ImportedRoadmap second = importer.importDocument(bytes(PLAN + "- Extra notes\n"), null, ImportMode.asNew());
        ImportedRoadmap third = importer.importDocument(bytes(PLAN), null, ImportMode.asNew());

        assertThat(second.result().created()).isTrue();
        assertThat(second.roadmap().id()).isEqualTo("backend-plan-2");
        assertThat(third.roadmap().id()).isEqualTo("backend-plan-3");
        assertThat(second.roadmap().allTopics()).extracting(Topic::id)
                .doesNotContainAnyElementsOf(idsByKey(first.roadmap()).values());
        assertThat(queries.find("backend-plan-2").orElseThrow().topics()).isEqualTo(second.roadmap().topics());
        assertThat(queries.list()).extracting(RoadmapSummary::id)
                .containsExactlyInAnyOrder("backend-plan", "backend-plan-2", "backend-plan-3");
        assertThat(topicIds("backend-plan")).containsExactlyElementsOf(first.roadmap().allTopics().stream()
                .map(Topic::id).toList());
    }

    @Test
    void topicsDroppedFromTheRoadmapAreRemoved() throws IOException {
        String original = new String(seed(SEEDS.get(4)), StandardCharsets.UTF_8);
        ImportedRoadmap first = importer.importDocument(original.getBytes(StandardCharsets.UTF_8), null);
        String shorter = original.substring(0, original.indexOf("M5:"));

        ImportedRoadmap second = importer.importDocument(shorter.getBytes(StandardCharsets.UTF_8), null,
                ImportMode.update(first.roadmap().id()));

        int dropped = first.roadmap().allTopics().size() - second.roadmap().allTopics().size();
        assertThat(dropped).isPositive();
        assertThat(second.result().removed()).isEqualTo(dropped);
        assertThat(second.result().archived()).isZero();
        assertThat(queries.find(first.roadmap().id()).orElseThrow().summary().topicCount())
                .isEqualTo(second.roadmap().allTopics().size());
        assertThat(jdbc.sql("SELECT count(*) FROM topic").query(Integer.class).single())
                .isEqualTo(second.roadmap().allTopics().size());
    }

    @Test
    void aRemovedTopicWithCardsIsArchivedHiddenAndKeepsItsCards() {
        Roadmap first = importer.importDocument(bytes(PLAN), null).roadmap();
        Topic caching = topic(first, "month-2/week-3");
        String card = addCard(first.id(), caching.id());
        String withoutMonth2 = PLAN.substring(0, PLAN.indexOf("## Month 2"));

        ImportedRoadmap second = importer.importDocument(bytes(withoutMonth2), null, ImportMode.update(first.id()));

        assertThat(second.result().archived()).isEqualTo(1);
        assertThat(second.result().removed()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT archived_at IS NOT NULL AND parent_id IS NULL FROM topic WHERE id = ?::uuid")
                .param(caching.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM topic_resource WHERE topic_id = ?::uuid").param(caching.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT topic_id::text FROM card WHERE id = ?::uuid").param(card).query(String.class)
                .single()).isEqualTo(caching.id());
        StoredRoadmap stored = queries.find(first.id()).orElseThrow();
        assertThat(stored.topics()).extracting(Topic::key).containsExactly("month-1");
        assertThat(stored.summary().topicCount()).isEqualTo(second.roadmap().allTopics().size());
        assertThat(stored.summary().resourceCount()).isEqualTo(1);
        assertThat(queries.findTopic(caching.id())).isEmpty();
    }

    @Test
    void anArchivedTopicComesBackWhenTheRoadmapHasItAgain() {
        Roadmap first = importer.importDocument(bytes(PLAN), null).roadmap();
        Topic caching = topic(first, "month-2/week-3");
        addCard(first.id(), caching.id());
        importer.importDocument(bytes(PLAN.substring(0, PLAN.indexOf("## Month 2"))), null,
                ImportMode.update(first.id()));

        ImportedRoadmap third = importer.importDocument(bytes(PLAN), null, ImportMode.update(first.id()));

        assertThat(third.result().added()).isEqualTo(1);
        assertThat(third.result().updated()).isEqualTo(1);
        assertThat(queries.find(first.id()).orElseThrow().topics()).isEqualTo(first.topics());
        assertThat(queries.findTopic(caching.id()).orElseThrow().topic()).isEqualTo(caching);
        assertThat(jdbc.sql("SELECT count(*) FROM topic WHERE archived_at IS NOT NULL").query(Integer.class).single())
                .isZero();
    }

    @Test
    void rejectedDocumentStoresNothing() {
        byte[] binary = {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, 0, 0};

        assertThatThrownBy(() -> importer.importDocument(binary, "archive.zip")).isInstanceOf(RoadmapRejected.class);
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM topic").query(Integer.class).single()).isZero();
    }

    @Test
    void resourcesAreSharedBetweenRoadmaps() throws IOException {
        importer.importDocument(seed(SEEDS.get(0)), null);
        int before = jdbc.sql("SELECT count(*) FROM resource").query(Integer.class).single();
        importer.importDocument(seed(SEEDS.get(0)), null);

        assertThat(jdbc.sql("SELECT count(*) FROM resource").query(Integer.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE url IS NOT NULL").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void findsATopicWithItsRoadmap() throws IOException {
        Roadmap roadmap = importer.importDocument(seed(SEEDS.get(2)), null).roadmap();
        Topic phase = roadmap.topics().get(0);

        StoredTopic found = queries.findTopic(phase.id()).orElseThrow();

        assertThat(found.roadmapId()).isEqualTo(roadmap.id());
        assertThat(found.roadmapTitle()).isEqualTo(roadmap.title());
        assertThat(found.topic()).isEqualTo(phase);
        assertThat(queries.findTopic("not-a-uuid")).isEmpty();
        assertThat(queries.findTopic("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    /** Stored rows and their last change, to tell that an import wrote nothing. */
    private String snapshot() {
        return jdbc.sql("""
                SELECT (SELECT string_agg(id || '/' || content_hash || '/' || updated_at, ',' ORDER BY id) FROM roadmap)
                    || ' ' || (SELECT count(*) FROM topic) || ' ' || (SELECT count(*) FROM topic_resource)
                    || ' ' || (SELECT coalesce(max(xmin::text::bigint), 0) FROM topic)
                """).query(String.class).single();
    }

    /** A learner's card on the topic, written as the cards feature would. */
    private String addCard(String roadmapId, String topicId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO card (id, learner_id, roadmap_id, topic_id, type, front, back, origin_kind, dedup_key,
                                  created_at, updated_at)
                VALUES (?::uuid, '00000000-0000-0000-0000-000000000001', ?, ?::uuid, 'basic', 'What is a cache?',
                        'A fast copy.', 'manual', 'what is a cache', now(), now())
                """).params(id, roadmapId, topicId).update();
        return id;
    }

    private static Topic topic(Roadmap roadmap, String key) {
        return roadmap.allTopics().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> topicIds(String roadmapId) {
        return jdbc.sql("SELECT id::text FROM topic WHERE roadmap_id = ? ORDER BY position").param(roadmapId)
                .query(String.class).list();
    }

    private static Map<String, String> idsByKey(Roadmap roadmap) {
        return roadmap.allTopics().stream().collect(Collectors.toMap(Topic::key, Topic::id));
    }

    static byte[] seed(String name) throws IOException {
        try (InputStream in = RoadmapStoreIT.class.getResourceAsStream("/roadmap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /roadmap/" + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void aLearnersSourceIsAddedOnlyBetweenImports() throws Exception {
        importer.importDocument(PLAN.getBytes(StandardCharsets.UTF_8), "plan.md");
        UUID topic = jdbc.sql("SELECT id FROM topic WHERE title = 'Week 2: Databases'").query(UUID.class).single();
        UUID local = UUID.fromString("00000000-0000-0000-0000-000000000001");
        CompletableFuture<Optional<SourceStore.Added>> added;
        try (Connection importing = dataSource.getConnection(); Statement sql = importing.createStatement()) {
            importing.setAutoCommit(false);   // an import in flight holds the import lock to its commit
            sql.execute("SELECT pg_advisory_xact_lock(hashtext('groundwork:roadmap-import'))");
            added = CompletableFuture.supplyAsync(() -> sources.add(topic, NewSource.text("Index notes",
                    "text/markdown; charset=utf-8", "B-trees keep keys sorted.".getBytes(StandardCharsets.UTF_8)), local));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                    """).query(Integer.class).single() == 0) {
                assertThat(added).as("the add waits for the import instead of writing beside it").isNotDone();
                assertThat(System.nanoTime()).as("the add waits on the import lock within 30 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM topic_resource WHERE added_by IS NOT NULL")
                    .query(Integer.class).single()).isZero();
            importing.commit();
        }

        assertThat(added.get(30, TimeUnit.SECONDS)).hasValueSatisfying(a -> assertThat(a.created()).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM topic_resource WHERE topic_id = ? AND added_by = ?")
                .params(topic, local).query(Integer.class).single()).isEqualTo(1);
    }
}
