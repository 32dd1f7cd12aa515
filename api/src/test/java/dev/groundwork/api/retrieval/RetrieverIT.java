package dev.groundwork.api.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.SearchRequest.Mode;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.ChunkWriter;
import dev.groundwork.ingest.store.DocumentOutcome;
import dev.groundwork.ingest.store.ImportMode;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches over two small roadmaps written through the real write path (importer, chunker, {@link ChunkWriter},
 * PgVectorStore), embedded by the deterministic hashing model.
 */
@SpringBootTest(properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class RetrieverIT {

    static final String SYSTEMS = """
            # Distributed Systems Plan

            ## Month 1: Consensus

            - [Raft paper](https://example.test/raft)

            ### Week 1: Log replication

            - [Replication notes](https://example.test/replication)

            ## Month 2: Caching

            - [Redis guide](https://example.test/redis)
            - [Redis mirror](https://example.test/redis-mirror)
            - [Glossary](https://example.test/glossary)
            """;
    static final String KITCHEN = """
            # Kitchen Basics

            ## Month 1: Sauces

            - [Tomato sauce](https://example.test/tomato)
            """;
    static final String SHARED_PASSAGE = "Redis keeps the whole dataset in memory and snapshots it to disk.";

    @Autowired
    Retriever retriever;
    @Autowired
    RoadmapImporter importer;
    @Autowired
    ChunkWriter writer;
    @Autowired
    Chunker chunker;
    @Autowired
    JdbcClient jdbc;

    Topic consensus;
    String systemsId;

    @BeforeEach
    void writeTwoRoadmaps() {
        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update();
        jdbc.sql("DELETE FROM chunks").update();
        var systems = importer.importDocument(SYSTEMS.getBytes(StandardCharsets.UTF_8), "systems.md").roadmap();
        importer.importDocument(KITCHEN.getBytes(StandardCharsets.UTF_8), "kitchen.md");
        systemsId = systems.id();
        consensus = systems.topics().get(0);
        document("https://example.test/raft", "Raft elects a leader with randomized election timeouts; a candidate"
                + " asks a majority of servers for votes.");
        document("https://example.test/replication", "The leader appends entries to its log and replicates them to"
                + " followers; an entry commits once a majority stores it.");
        document("https://example.test/redis", "Cache aside: read the cache first, load from the database on a miss.",
                SHARED_PASSAGE);
        document("https://example.test/redis-mirror", SHARED_PASSAGE);
        document("https://example.test/tomato", "Simmer tomatoes with garlic and olive oil until the leader of the"
                + " kitchen says the sauce is thick.");
        // mostly stop words: the hashing model finds them close to a stop-word question, full text never matches them
        for (int i = 0; i < 4; i++) {
            document("https://example.test/glossary#" + i, "What is it and where is it from? It is what it is " + i
                    + " and it is where it is.");
        }
        document("https://example.test/glossary", "Compaction merges old segment files, rewrites the surviving keys"
                + " into fresh files, drops tombstones and is tuned by the setting xqz7731 in the storage engine.");
        ExtractedDocument own = ExtractedDocument.of("groundwork:topic/" + consensus.id(), consensus.title(),
                "text/plain", List.of(block(BlockKind.HEADING, consensus.title()),
                        block(BlockKind.PARAGRAPH, "Consensus checklist: quorum intersection and leader terms.")), 0);
        writer.replaceTopicChunks(UUID.fromString(consensus.id()), consensus.title(), chunker.chunk(own));
    }

    @Test
    void topicScopeReturnsItsAndItsSubtopicsResourcesAndItsOwnText() {
        List<RetrievedChunk> found = search("leader election", Scope.topic(consensus.id()), Mode.FUSED, 20, false);

        assertThat(found).extracting(RetrievedChunk::url).containsExactlyInAnyOrder("https://example.test/raft",
                "https://example.test/replication", "groundwork:topic/" + consensus.id());
    }

    @Test
    void roadmapScopeExcludesOtherRoadmaps() {
        List<RetrievedChunk> found = search("leader", Scope.roadmap(systemsId), Mode.FUSED, 50, false);

        assertThat(found).extracting(RetrievedChunk::url)
                .contains("https://example.test/raft", "https://example.test/redis")
                .doesNotContain("https://example.test/tomato");
    }

    @Test
    void globalScopeSeesEveryRoadmap() {
        List<RetrievedChunk> found = search("leader", Scope.global(), Mode.FUSED, 50, false);

        assertThat(found).extracting(RetrievedChunk::url)
                .contains("https://example.test/raft", "https://example.test/tomato");
        assertThat(found).hasSize(jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single());
    }

    @Test
    void anArchivedTopicsOwnTextIsNotSearchedByItsRoadmapOrGlobally() {
        jdbc.sql("""
                INSERT INTO card (id, learner_id, roadmap_id, topic_id, type, front, back, origin_kind, dedup_key,
                                  created_at, updated_at)
                VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', ?, ?::uuid, 'basic', 'Quorum?',
                        'Any two majorities intersect.', 'manual', 'quorum', now(), now())
                """).params(systemsId, consensus.id()).update();
        String withoutConsensus = SYSTEMS.substring(0, SYSTEMS.indexOf("## Month 1"))
                + SYSTEMS.substring(SYSTEMS.indexOf("## Month 2"));
        importer.importDocument(withoutConsensus.getBytes(StandardCharsets.UTF_8), "systems.md",
                ImportMode.update(systemsId));
        String own = "groundwork:topic/" + consensus.id();

        assertThat(search("quorum intersection leader terms", Scope.roadmap(systemsId), Mode.FUSED, 50, false))
                .extracting(RetrievedChunk::url).isNotEmpty().doesNotContain(own, "https://example.test/raft");
        assertThat(search("quorum intersection leader terms", Scope.global(), Mode.FUSED, 50, false))
                .extracting(RetrievedChunk::url).isNotEmpty().doesNotContain(own);
        assertThat(jdbc.sql("SELECT count(*) FROM chunks WHERE topic_id = ?::uuid").param(consensus.id())
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void fusedSearchFindsARareIdentifierTheEmbeddingRanksLow() {
        String question = "What is xqz7731 and where is it from?";

        assertThat(search(question, Scope.global(), Mode.DENSE, 3, false)).extracting(RetrievedChunk::text)
                .noneMatch(text -> text.contains("xqz7731"));
        assertThat(search(question, Scope.global(), Mode.FUSED, 3, false)).extracting(RetrievedChunk::text)
                .anyMatch(text -> text.contains("xqz7731"));
    }

    @Test
    void fullTextRanksARareTermAboveACommonOne() {
        // "leader" is in four chunks, "tombstones" in one: BM25's inverse document frequency puts that one first,
        // although each chunk holds one of the two words once, in more words than most
        List<RetrievedChunk> found = search("leader tombstones", Scope.global(), Mode.FULL_TEXT, 10, false);

        assertThat(found).hasSize(5);
        assertThat(found.get(0).text()).contains("tombstones");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void fullTextInANarrowScopeFillsItsLimitFromTheScope() {
        // the kitchen's tomato passage mentions the leader once among many words; three shorter systems passages
        // outrank it globally, but a search of the kitchen roadmap still finds it
        String kitchen = jdbc.sql("SELECT id FROM roadmap WHERE id <> ?").param(systemsId).query(String.class).single();

        assertThat(search("leader", Scope.roadmap(kitchen), Mode.FULL_TEXT, 1, false)).extracting(RetrievedChunk::url)
                .containsExactly("https://example.test/tomato");
        assertThat(search("leader", Scope.global(), Mode.FULL_TEXT, 1, false)).extracting(RetrievedChunk::url)
                .doesNotContain("https://example.test/tomato");
    }

    @Test
    void textStatisticsFollowEveryChunkWrittenReplacedOrDeleted() {
        assertStatisticsMatchTheChunks();

        document("https://example.test/raft", "Raft was designed to be understandable; Paxos was not.");
        assertStatisticsMatchTheChunks();
        assertThat(search("leader randomized election", Scope.global(), Mode.FULL_TEXT, 10, false))
                .extracting(RetrievedChunk::url).doesNotContain("https://example.test/raft");
        assertThat(search("paxos understandable", Scope.global(), Mode.FULL_TEXT, 10, false))
                .extracting(RetrievedChunk::url).containsExactly("https://example.test/raft");

        jdbc.sql("DELETE FROM resource WHERE url = 'https://example.test/raft'").update();
        assertStatisticsMatchTheChunks();
        assertThat(search("paxos understandable", Scope.global(), Mode.FULL_TEXT, 10, false)).isEmpty();

        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update();
        assertThat(jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single()).isZero();
        assertStatisticsMatchTheChunks();
    }

    private void assertStatisticsMatchTheChunks() {
        var counted = jdbc.sql("""
                SELECT count(DISTINCT c.id) AS chunks, coalesce(sum(cardinality(u.positions)), 0) AS words
                FROM chunks c LEFT JOIN LATERAL unnest(c.content_tsv) u ON TRUE
                """).query((rs, row) -> List.of(rs.getLong("chunks"), rs.getLong("words"))).single();
        var stats = jdbc.sql("SELECT coalesce(sum(chunks), 0) AS chunks, coalesce(sum(words), 0) AS words FROM text_stats")
                .query((rs, row) -> List.of(rs.getLong("chunks"), rs.getLong("words"))).single();
        assertThat(stats).isEqualTo(counted);
        // one posting per distinct word of every chunk, none of a chunk gone
        assertThat(jdbc.sql("SELECT count(*) FROM chunk_term").query(Long.class).single()).isEqualTo(
                jdbc.sql("SELECT coalesce(sum(length(content_tsv)), 0) FROM chunks").query(Long.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM chunk_term t WHERE NOT EXISTS (SELECT 1 FROM chunks c"
                + " WHERE c.id = t.chunk_id)").query(Long.class).single()).isZero();
    }

    @Test
    void identicalPassagesOfTwoDocumentsComeBackOnce() {
        List<RetrievedChunk> found = retriever.retrieve("redis dataset in memory snapshots", Scope.global()).block();

        assertThat(found).filteredOn(chunk -> chunk.text().equals(SHARED_PASSAGE)).hasSize(1);
    }

    @Test
    void returnsAtMostTheLimit() {
        assertThat(search("leader", Scope.global(), Mode.FUSED, 2, true)).hasSize(2);
        assertThat(search("leader", Scope.global(), Mode.DENSE, 3, false)).hasSize(3);
        assertThat(retriever.retrieve("leader", Scope.global()).block()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void unknownTopicFindsNothing() {
        assertThat(search("leader", Scope.topic(UUID.randomUUID().toString()), Mode.FUSED, 10, false)).isEmpty();
        assertThat(retriever.retrieve("leader", Scope.topic("no-such-topic")).block()).isEmpty();
    }

    @Test
    void exactAndHnswSearchesAgreeOnASmallSet() {
        float[] vector = retriever.embedQuery("leader election timeouts");
        var exact = new SearchRequest("leader election timeouts", vector, Scope.global(), Mode.DENSE, true, 4, false);
        var hnsw = new SearchRequest("leader election timeouts", vector, Scope.global(), Mode.DENSE, false, 4, false);

        assertThat(retriever.search(hnsw)).extracting(RetrievedChunk::id)
                .containsExactlyElementsOf(retriever.search(exact).stream().map(RetrievedChunk::id).toList());
    }

    private List<RetrievedChunk> search(String text, Scope scope, Mode mode, int limit, boolean diversify) {
        return retriever.search(new SearchRequest(text, retriever.embedQuery(text), scope, mode, false, limit,
                diversify));
    }

    /**
     * Stores one fetched document of the resource with that URL (fragment stripped), each passage in a section of its
     * own, so each becomes one chunk.
     */
    private void document(String url, String... passages) {
        String resourceUrl = url.replaceFirst("#.*", "");
        UUID resourceId = jdbc.sql("SELECT id FROM resource WHERE url = ?").param(resourceUrl).query(UUID.class)
                .single();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            blocks.add(block(BlockKind.HEADING, "Part " + (i + 1)));
            blocks.add(block(BlockKind.PARAGRAPH, passages[i]));
        }
        ExtractedDocument doc = ExtractedDocument.of(url, "Doc " + url, "text/html", blocks, 0);
        DocumentOutcome outcome = new DocumentOutcome(resourceId, url, url, 0, "fetched", null, 200, "text/html",
                null, null, UUID.nameUUIDFromBytes(doc.text().getBytes(StandardCharsets.UTF_8)).toString(),
                doc.title(), null);
        writer.replaceDocumentChunks(outcome, chunker.chunk(doc));
    }

    private static Block block(BlockKind kind, String text) {
        return new Block(kind, kind == BlockKind.HEADING ? 1 : 0, text, null, 0, 0);
    }
}
