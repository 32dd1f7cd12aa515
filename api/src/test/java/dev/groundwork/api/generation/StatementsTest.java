package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.generation.Statement.Kind;
import dev.groundwork.api.generation.Statement.Quality;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared sentence-quality filter, on the system design primer as ingestion chunks it, and on plain texts. */
class StatementsTest {

    static List<RetrievedChunk> primer;

    @BeforeAll
    static void chunk() {
        primer = MirrorPassages.of("https://github.com/donnemartin/system-design-primer",
                "raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", "text/markdown");
    }

    @Test
    void keepsALeadInWithTheListItIntroduces() {
        Statement leadIn = statements(MirrorPassages.section(primer, "CAP theorem")).stream()
                .filter(s -> s.kind() == Kind.LEAD_IN).findFirst().orElseThrow();

        assertThat(leadIn.quality()).isEqualTo(Quality.OK);
        assertThat(leadIn.leadIn()).isEqualTo(
                "In a distributed computer system, you can only support two of the following guarantees:");
        assertThat(leadIn.items()).hasSize(3).first().asString().startsWith("Consistency - Every read receives");
        assertThat(leadIn.itemTerms()).containsExactly("Consistency", "Availability", "Partition Tolerance");
        assertThat(leadIn.text()).startsWith(leadIn.leadIn()).endsWith("due to network failures");
    }

    @Test
    void rejectsFurtherReadingLinks() {
        RetrievedChunk reading = primer.stream()
                .filter(c -> !c.headingPath().isEmpty()
                        && c.headingPath().get(c.headingPath().size() - 1).equals("Source(s) and further reading")
                        && c.text().contains("A plain english introduction to CAP theorem"))
                .findFirst().orElseThrow();

        assertThat(statements(reading)).isNotEmpty().noneMatch(Statement::ok);
        assertThat(statements(reading)).extracting(Statement::quality).contains(Quality.LINK_LIST);
    }

    @Test
    void rejectsSentencesThatLeanOnTheirNeighbours() {
        assertThat(quality("Next, we'll look at high-level trade-offs:")).isEqualTo(Quality.LEAD_IN_WITHOUT_LIST);
        assertThat(quality("This means that every write goes to two servers before it is acknowledged."))
                .isEqualTo(Quality.LEANS_ON_CONTEXT);
        assertThat(quality("As shown above, the cache sits between the service and its database."))
                .isEqualTo(Quality.LEANS_ON_CONTEXT);
        assertThat(quality("However, replicas can serve stale reads for a short while after a write."))
                .isEqualTo(Quality.LEANS_ON_CONTEXT);
        assertThat(quality("The following example shows how to connect to a server on localhost:"))
                .isEqualTo(Quality.LEAD_IN_WITHOUT_LIST);
    }

    @Test
    void rejectsLabelsNavigationQuestionsFragmentsAndCode() {
        assertThat(quality("CAP Theorem, consistency models")).isEqualTo(Quality.LABEL);
        assertThat(quality("Edit this page on GitHub and improve the docs today.")).isEqualTo(Quality.NAVIGATION);
        assertThat(quality("What is the difference between a message queue and a task queue?"))
                .isEqualTo(Quality.QUESTION);
        assertThat(quality("and then the replica catches up with the primary node eventually.")).isEqualTo(
                Quality.FRAGMENT);
        assertThat(Statements.of("```\nredis-cli -h 127.0.0.1 -p 6379\n```")).extracting(Statement::quality)
                .containsOnly(Quality.CODE);
    }

    @Test
    void acceptsAPlainInformativeSentence() {
        assertThat(quality("Latency is the time to perform some action or to produce some result."))
                .isEqualTo(Quality.OK);
    }

    @Test
    void everyStatementIsItsPassageVerbatim() {
        for (RetrievedChunk chunk : primer) {
            for (Statement statement : statements(chunk)) {
                assertThat(chunk.text().substring(statement.start(), statement.end())).isEqualTo(statement.text());
            }
        }
    }

    @Test
    void readsTermsAndDefinitionsFromListsAndTables() {
        List<Statement> statements = Statements.of("""
                - LRU - Evicts the least recently used key first.
                - Create an index - build a secondary index that tells Redis which fields to index.
                """);

        assertThat(statements.get(0).kind()).isEqualTo(Kind.TERM_DEFINITION);
        assertThat(statements.get(0).term()).isEqualTo("LRU");
        assertThat(statements.get(0).definition()).isEqualTo("Evicts the least recently used key first.");
        assertThat(statements.get(1).kind()).as("a step, not a definition").isNotEqualTo(Kind.TERM_DEFINITION);
    }

    private static Quality quality(String text) {
        return Statements.of(text).get(0).quality();
    }

    private static List<Statement> statements(RetrievedChunk chunk) {
        return Statements.of(chunk);
    }
}
