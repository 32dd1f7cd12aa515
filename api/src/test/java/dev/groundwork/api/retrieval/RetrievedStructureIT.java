package dev.groundwork.api.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.groundwork.api.retrieval.PassageBlock.Kind;
import dev.groundwork.api.retrieval.PassageBlock.MarkKind;
import dev.groundwork.api.retrieval.SearchRequest.Mode;
import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.ChunkWriter;
import dev.groundwork.ingest.store.DocumentOutcome;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page extracted, chunked and stored through the real write path comes back from a search with its structure (list
 * items, bold terms, a list of links) and the provenance a card anchor needs: owner, offset in the document, hash.
 */
@SpringBootTest(properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class RetrievedStructureIT {

    static final String ROADMAP = """
            # Availability Plan

            ## Month 1: CAP

            - [CAP notes](https://example.test/cap)
            """;
    static final String URL = "https://example.test/cap";
    static final String PAGE = """
            <html><head><title>CAP notes</title></head><body><nav><a href="/">Home</a></nav><article>
            <h1>CAP theorem</h1>
            <p>In a distributed computer system, you can only support two of the following guarantees:</p>
            <ul>
              <li><strong>Consistency</strong> - Every read receives the most recent write or an error</li>
              <li><strong>Availability</strong> - Every request receives a response, without guarantee that it
                  contains the most recent version of the information</li>
              <li><strong>Partition   Tolerance</strong> - The system continues to operate despite arbitrary
                  partitioning due to network failures</li>
            </ul>
            <h2>Source(s) and further reading</h2>
            <ul>
              <li><a href="https://robertgreiner.com/cap-theorem-revisited/">CAP theorem revisited</a></li>
              <li><a href="https://github.com/henryr/cap-faq">CAP FAQ</a></li>
            </ul>
            </article></body></html>
            """;

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

    ExtractedDocument page;
    List<Chunk> chunks;
    Topic topic;
    ExtractedDocument topicText;

    @BeforeEach
    void storeAPageAndATopicText() throws Exception {
        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update();
        jdbc.sql("DELETE FROM chunks").update();
        topic = importer.importDocument(ROADMAP.getBytes(StandardCharsets.UTF_8), "cap.md").roadmap().topics().get(0);
        UUID resourceId = jdbc.sql("SELECT id FROM resource WHERE url = ?").param(URL).query(UUID.class).single();
        page = new Extractor().extract(URL, "text/html", StandardCharsets.UTF_8, PAGE.getBytes(StandardCharsets.UTF_8));
        chunks = chunker.chunk(page);
        writer.replaceDocumentChunks(new DocumentOutcome(resourceId, URL, URL, 0, "fetched", null, 200, "text/html",
                null, null, "bytes-hash", page.title(), null), chunks);
        topicText = ExtractedDocument.of("groundwork:topic/" + topic.id(), topic.title(), "text/plain",
                List.of(new Block(BlockKind.HEADING, 1, topic.title(), null, 0, 0),
                        new Block(BlockKind.PARAGRAPH, 0, "Trade consistency against availability.", null, 0, 0)), 0);
        writer.replaceTopicChunks(UUID.fromString(topic.id()), topic.title(), chunker.chunk(topicText));
    }

    @Test
    void aRetrievedPassageKeepsItsListItemsAndBoldTerms() {
        RetrievedChunk cap = find("CAP theorem");

        assertThat(cap.blocks()).extracting(PassageBlock::kind, PassageBlock::level, b -> b.text(cap.text()))
                .containsExactly(
                        tuple(Kind.PARAGRAPH, 0, "In a distributed computer system, you can only support two of the"
                                + " following guarantees:"),
                        tuple(Kind.LIST_ITEM, 1, "Consistency - Every read receives the most recent write or an error"),
                        tuple(Kind.LIST_ITEM, 1, "Availability - Every request receives a response, without guarantee"
                                + " that it contains the most recent version of the information"),
                        tuple(Kind.LIST_ITEM, 1, "Partition Tolerance - The system continues to operate despite"
                                + " arbitrary partitioning due to network failures"));
        assertThat(cap.blocks().get(0).marks()).isEmpty();
        assertThat(cap.blocks().subList(1, 4)).allSatisfy(item -> assertThat(item.marks()).singleElement()
                .satisfies(mark -> assertThat(mark.kind()).isEqualTo(MarkKind.STRONG)));
        assertThat(cap.blocks().subList(1, 4)).extracting(b -> b.text(cap.text(), b.marks().get(0)))
                .containsExactly("Consistency", "Availability", "Partition Tolerance");
    }

    @Test
    void aListOfLinksComesBackLinkMarkedAcrossEachItem() {
        RetrievedChunk reading = find("Source(s) and further reading");

        assertThat(reading.blocks()).hasSize(2).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(Kind.LIST_ITEM);
            assertThat(item.marks()).containsExactly(
                    new PassageBlock.Mark(MarkKind.LINK, 0, item.end() - item.start()));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM chunks, jsonb_array_elements(metadata -> 'blocks') b"
                + " WHERE b ->> 'kind' = 'paragraph' AND b -> 'marks' IS NULL").query(Integer.class).single())
                .as("marks left out when empty").isEqualTo(2);
    }

    @Test
    void aDocumentPassageNamesItsDocumentOffsetAndHash() {
        RetrievedChunk cap = find("CAP theorem");
        Chunk stored = chunks.stream().filter(c -> c.text().equals(cap.text())).findFirst().orElseThrow();

        assertThat(cap.documentId()).isEqualTo(jdbc.sql("SELECT id::text FROM document WHERE url = ?").param(URL)
                .query(String.class).single());
        assertThat(cap.topicId()).isNull();
        assertThat(cap.start()).isEqualTo(stored.start()).isPositive();
        assertThat(page.text().substring(cap.start(), cap.start() + cap.text().length())).isEqualTo(cap.text());
        assertThat(cap.contentHash()).isEqualTo(stored.contentHash());
    }

    @Test
    void aTopicTextPassageNamesItsTopicAndNoDocument() {
        RetrievedChunk own = search().stream().filter(c -> c.url().startsWith("groundwork:topic/")).findFirst()
                .orElseThrow();

        assertThat(own.topicId()).isEqualTo(topic.id());
        assertThat(own.documentId()).isNull();
        assertThat(topicText.text().substring(own.start())).isEqualTo(own.text());
        assertThat(own.blocks()).extracting(PassageBlock::kind, b -> b.text(own.text()))
                .containsExactly(tuple(Kind.PARAGRAPH, "Trade consistency against availability."));
    }

    @Test
    void aPassageStoredBeforeBlocksExistedComesBackWithoutThem() {
        jdbc.sql("UPDATE chunks SET metadata = metadata - 'blocks'").update();

        assertThat(search()).hasSize(3).allSatisfy(chunk -> {
            assertThat(chunk.blocks()).isEmpty();
            assertThat(chunk.contentHash()).hasSize(64);
        });
    }

    private RetrievedChunk find(String heading) {
        return search().stream()
                .filter(c -> !c.headingPath().isEmpty()
                        && c.headingPath().get(c.headingPath().size() - 1).equals(heading))
                .findFirst().orElseThrow();
    }

    private List<RetrievedChunk> search() {
        String query = "consistency availability partition tolerance CAP";
        return retriever.search(new SearchRequest(query, retriever.embedQuery(query), Scope.global(), Mode.FUSED,
                false, 10, false));
    }
}
