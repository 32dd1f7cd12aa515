package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.GroundworkApplication;
import dev.groundwork.api.retrieval.RetrievalProperties;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Retrievers;
import dev.groundwork.api.retrieval.SearchRequest.Mode;
import dev.groundwork.api.retrieval.bench.Evaluation.Score;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.embed.EmbeddingModels;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retrieval quality benchmark (a command, not a test) on SciFact: writes the 5,183 abstracts into a fresh database
 * through the project's chunker, embedding model and vector store, then runs the 300 test claims through
 * {@link Retriever#search} in every mode, exact and HNSW, and prints nDCG@10, Recall@100 and search time as a Markdown
 * table. With {@code --tune} it first evaluates a small grid of fusion settings on the train split
 * ({@link TrainGrid}) and reports the test table with the best train settings; tuning never looks at test.
 *
 * <p>Run: {@code scripts/bench.sh retrieval [--tune]}. Takes several minutes: embedding the corpus dominates. With
 * {@code -Dbench.db=<name>} in {@code BENCH_JAVA_OPTS} the database is kept, and a second run finds the corpus stored.
 */
public final class RetrievalBench {

    public static void main(String[] args) {
        boolean tune = List.of(args).contains("--tune");
        Path dir = SciFact.dir();
        SciFact data = SciFact.load(dir);
        Map<String, Map<String, Integer>> test = SciFact.qrels(dir, "test");
        Map<String, Map<String, Integer>> train = tune ? SciFact.qrels(dir, "train") : Map.of();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = start()) {
            EmbeddingModel model = context.getBean(EmbeddingModel.class);
            String modelId = EmbeddingModels.id(model);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            int chunks = jdbc.sql("SELECT count(*) FROM chunks WHERE model_id = ?").param(modelId).query(Integer.class)
                    .single();
            if (chunks == 0) {
                chunks = new CorpusWriter(context.getBean(Chunker.class), context.getBean(PgVectorStore.class), jdbc,
                        modelId).write(data.corpus().values());
                jdbc.sql("VACUUM ANALYZE chunks").update();
                jdbc.sql("VACUUM ANALYZE chunk_term").update();
            } else {
                System.err.printf("scifact: %d chunks already stored in the kept database%n", chunks);
            }
            double embedSeconds = (System.nanoTime() - start) / 1e9;

            Retriever retriever = context.getBean(Retriever.class);
            Map<String, float[]> vectors = new HashMap<>();
            long queryStart = System.nanoTime();
            for (String id : union(test, train)) {
                vectors.put(id, retriever.embedQuery(data.queries().get(id)));
            }
            double msPerQueryEmbedding = (System.nanoTime() - queryStart) / 1e6 / vectors.size();
            Evaluation evaluation = new Evaluation(data.queries(), vectors);

            RetrievalProperties settings = context.getBean(RetrievalProperties.class);
            if (tune) {
                settings = TrainGrid.tune(context, settings, evaluation, train);
                retriever = Retrievers.with(context, settings);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "SciFact (%s): %d abstracts → %d chunks, written in %.0f s; model %s;"
                    + " query embedding %.1f ms/query (not in the table)%n", dir, data.corpus().size(), chunks,
                    embedSeconds, modelId, msPerQueryEmbedding);
            System.out.println("Retrieval properties" + (tune ? " (best on train)" : "") + ": " + settings);
            System.out.println();
            System.out.printf("| SciFact test, %d queries, %d chunks per search | nDCG@10 | Recall@100"
                    + " | ms p50 / p95 |%n", test.size(), Evaluation.LIMIT);
            System.out.println("|---|---|---|---|");
            Map<String, Score> scores = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                for (boolean exact : List.of(true, false)) {
                    String row = mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + ", "
                            + (exact ? "exact" : "HNSW");
                    Score score = evaluation.run(retriever, mode, exact, test);
                    scores.put(row, score);
                    System.out.printf("| %s | %s |%n", row, TrainGrid.cells(score));
                }
            }
            System.out.println("| *published: Lucene BM25 (flat)* | 0.679 | | |");
            System.out.println("| *published: bge-small-en-v1.5, fp32, exact* | 0.713 | | |");
            System.out.println();
            for (String row : List.of("exact", "HNSW")) {
                Score fused = scores.get("fused, " + row);
                Score dense = scores.get("dense, " + row);
                System.out.printf(Locale.ROOT, "Fused − dense (%s): %+.4f nDCG@10; paired randomisation test over the"
                        + " %d queries, 100,000 trials: p = %.4f%n", row, fused.ndcg10() - dense.ndcg10(),
                        test.size(), Metrics.pairedRandomization(fused.perQuery(), dense.perQuery(), 100_000, 12));
            }
            System.out.printf(Locale.ROOT, "%nWall time %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        a.keySet().forEach(id -> ids.put(id, true));
        b.keySet().forEach(id -> ids.put(id, true));
        return List.copyOf(ids.keySet());
    }

    private static ConfigurableApplicationContext start() {
        String kept = System.getProperty("bench.db");
        TestDatabase db = kept == null ? TestDatabase.get() : TestDatabase.kept(kept);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.put("groundwork.ingest.background", "false");
        properties.put("logging.level.root", "WARN");
        // as arguments, which outrank application.properties (default properties would not)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GroundworkApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(arguments);
    }
}
