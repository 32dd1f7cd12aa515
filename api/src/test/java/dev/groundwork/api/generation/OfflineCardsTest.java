package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offline cards from real passages: what they are made of, and what they are never made of. */
class OfflineCardsTest {

    static final Set<String> ALL = Set.of("basic", "reversed", "cloze");
    static List<RetrievedChunk> primer;

    @BeforeAll
    static void chunk() {
        primer = MirrorPassages.of("https://github.com/donnemartin/system-design-primer",
                "raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", "text/markdown");
    }

    @Test
    void writesTheCapGuaranteesAsTermDefinitionPairsAndALeadInCard() {
        List<CardCandidate> cards = OfflineCards.write(List.of(MirrorPassages.section(primer, "CAP theorem")),
                KeyTerms.of(List.of("CAP Theorem, consistency models")), Set.of("CAP Theorem"), ALL);

        assertThat(cards).anySatisfy(card -> {
            assertThat(card.type()).isEqualTo("reversed");
            assertThat(card.front()).isEqualTo("Consistency (CAP theorem)");
            assertThat(card.back()).isEqualTo("Every read receives the most recent write or an error");
        });
        assertThat(cards).anySatisfy(card -> {
            assertThat(card.front()).contains("In a distributed computer system, you can only support two of");
            assertThat(card.back()).isEqualTo("Consistency; Availability; Partition Tolerance");
        });
    }

    @Test
    void writesADefinitionAsAQuestionAndItsSentence() {
        RetrievedChunk latency = primer.stream().filter(c -> c.text().contains("Latency is the time to perform"))
                .findFirst().orElseThrow();

        assertThat(OfflineCards.write(List.of(latency), List.of(), Set.of(), Set.of("basic"))).anySatisfy(card -> {
            assertThat(card.front()).isEqualTo("What is Latency?");
            assertThat(card.back()).startsWith("Latency is the time to perform some action");
        });
    }

    @Test
    void deletesAConceptTermFromAnInformativeSentence() {
        List<CardCandidate> cards = OfflineCards.write(primer.subList(0, Math.min(80, primer.size())),
                List.of("load balancer"), Set.of("load balancer"), Set.of("cloze"));

        assertThat(cards).isNotEmpty().allSatisfy(card -> assertThat(card.text()).contains("{{c1::"));
        assertThat(cards.get(0).concept()).as("the concept's sentences come first").isEqualTo("load balancer");
        assertThat(cards).filteredOn(card -> card.concept() != null).hasSizeGreaterThan(5).allSatisfy(card -> {
            assertThat(Cloze.answers(card.text())).allSatisfy(answer -> assertThat(answer.toLowerCase())
                    .startsWith("load balancer"));
            assertThat(Cloze.plain(card.text())).isEqualToIgnoringWhitespace(card.quote());
        });
    }

    @Test
    void everyCardQuotesItsPassageVerbatimAndNoneComesFromLinksOrLabels() {
        List<CardCandidate> cards = OfflineCards.write(primer, KeyTerms.of(List.of("Caching, database indexes")),
                Set.of(), ALL);

        assertThat(cards).hasSizeGreaterThan(100);
        for (CardCandidate card : cards) {
            assertThat(primer.get(card.passage() - 1).text()).contains(card.quote());
            assertThat(card.quote()).doesNotContain("A plain english introduction").doesNotContain("http");
            assertThat(card.label()).doesNotStartWith("This ").doesNotStartWith("Next,");
        }
    }
}
