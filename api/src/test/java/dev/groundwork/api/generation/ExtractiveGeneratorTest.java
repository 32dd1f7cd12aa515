package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.ingest.embed.EmbeddingModels;
import dev.groundwork.ingest.embed.HashingEmbeddingModel;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

class ExtractiveGeneratorTest {

    static final RetrievedChunk SCRAPING = chunk("c1", """
            Prometheus collects metrics by scraping HTTP endpoints on its targets.
            The scrape interval is configured per job in prometheus.yml.
            ```
            scrape_configs:
              - job_name: node
            ```
            """);
    static final RetrievedChunk DUPLICATE = chunk("c2", """
            Prometheus collects metrics by scraping HTTP endpoints on its targets.
            Grafana dashboards can query Prometheus with PromQL.
            """);
    static final RetrievedChunk UNRELATED = chunk("c3", "The Kafka broker stores partitions as append-only logs on disk.");

    final ExtractiveGenerator generator = generator(new HashingEmbeddingModel(), 1000);

    @Test
    void quotesTheBestSentencesEachCitedAndSaysItIsExtracting() {
        String answer = generator.answer("How does Prometheus collect metrics from targets?",
                List.of(SCRAPING, DUPLICATE, UNRELATED));

        assertThat(answer).startsWith(ExtractiveGenerator.NOTE);
        assertThat(answer).contains("Prometheus collects metrics by scraping HTTP endpoints on its targets. [1]");
        assertThat(answer.lines().skip(2)).allSatisfy(line -> assertThat(line).matches("- .+ \\[[123]]"));
    }

    @Test
    void neverQuotesTheSameSentenceTwiceOrCode() {
        String answer = generator.answer("How does Prometheus collect metrics?", List.of(SCRAPING, DUPLICATE));

        assertThat(count(answer, "Prometheus collects metrics by scraping")).isEqualTo(1);
        assertThat(answer).doesNotContain("job_name");
    }

    @Test
    void keepsTheOrderOfTheSources() {
        String answer = generator.answer("Prometheus scrape interval and Grafana PromQL dashboards",
                List.of(SCRAPING, DUPLICATE));

        List<Integer> cited = citations(answer);
        assertThat(cited).isSorted();
    }

    @Test
    void saysSoWhenThereIsNothingToQuote() {
        assertThat(generator.answer("Anything?", List.of())).isEqualTo(ExtractiveGenerator.NOTE + "\n\n"
                + ExtractiveGenerator.NOTHING);
    }

    @Test
    void streamsTheAnswerAsWordTokensThenCompletes() {
        List<GenerationEvent> events = generator.generate(new GenerationRequest("How does Prometheus scrape?",
                List.of(SCRAPING), List.of())).collectList().block();

        assertThat(events.get(events.size() - 1)).isEqualTo(new GenerationEvent.Completed(null, null));
        String text = events.stream().filter(GenerationEvent.Token.class::isInstance)
                .map(e -> ((GenerationEvent.Token) e).text()).collect(Collectors.joining());
        assertThat(text).isEqualTo(generator.answer("How does Prometheus scrape?", List.of(SCRAPING)));
        assertThat(events).hasSizeGreaterThan(10);
    }

    @Test
    void answersTheSameWithTheSentenceCacheAsWithout() {
        List<RetrievedChunk> redis = MirrorPassages.of("https://redis.io/docs/latest/develop/get-started/",
                "redis.io/docs/latest/develop/get-started/index.html", "text/html");
        List<RetrievedChunk> primer = MirrorPassages.of("https://github.com/donnemartin/system-design-primer",
                "raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", "text/markdown");
        ExtractiveGenerator uncached = generator(new HashingEmbeddingModel(), 0);
        CountingEmbeddingModel counting = new CountingEmbeddingModel();
        ExtractiveGenerator cached = generator(counting, 1000);
        List<String> questions = List.of("How do I get started with Redis?", "What is a cache and when is it stale?",
                "How does consistent hashing spread keys?", "Which trade-offs does the CAP theorem name?",
                "How do I connect with a client library?");

        int afterFirstRound = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < questions.size(); i++) {
                List<RetrievedChunk> sources = List.of(redis.get(i % redis.size()), primer.get(3 * i),
                        primer.get(3 * i + 1), primer.get(40 + i), redis.get((i + 1) % redis.size()));
                assertThat(cached.answer(questions.get(i), sources)).as("round %d: %s", round, questions.get(i))
                        .isEqualTo(uncached.answer(questions.get(i), sources));
            }
            afterFirstRound = round == 0 ? counting.texts().size() : afterFirstRound;
        }
        assertThat(counting.texts().subList(afterFirstRound, counting.texts().size()))
                .as("the second round embedded only its questions").containsExactlyElementsOf(questions);
    }

    private static ExtractiveGenerator generator(org.springframework.ai.embedding.EmbeddingModel model,
            int cachedVectors) {
        return new ExtractiveGenerator(model, question -> EmbeddingModels.embedQuery(model, question),
                new GenerationProperties(java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(30), 3, cachedVectors), Schedulers.immediate());
    }

    private static RetrievedChunk chunk(String id, String text) {
        return new RetrievedChunk(id, text, "Prometheus docs", "https://prometheus.io/docs/" + id, List.of(), null, 1,
                List.of(), "doc-" + id, null, 0, "hash-" + id);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<Integer> citations(String text) {
        Matcher m = Pattern.compile("\\[(\\d)]").matcher(text);
        List<Integer> numbers = new java.util.ArrayList<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }
}
