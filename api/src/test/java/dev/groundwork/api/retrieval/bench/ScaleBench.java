package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.RetrievalProperties;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.embed.EmbeddingModels;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vector search at scale (a command, not a test): synthetic sets of SciFact chunks — real bge-small vectors of the
 * abstracts' chunks, each copied many times with Gaussian noise and re-normalised, the chunk's own text — loaded into
 * the real {@code chunks} table ({@link ScaleSet}), searched with the 300 SciFact test claims through the product's
 * {@link Retriever#search} (dense, exact and HNSW, everything and one roadmap of 100) and by raw SQL sweeps of the
 * pgvector settings ({@link ScaleRuns}). Prints Markdown tables; progress goes to stderr.
 *
 * <p>Run: {@code scripts/bench.sh scale [--sizes 100000,1000000]}. {@code BENCH_JAVA_OPTS} may set
 * {@code -Dbench.db=<name>} (keep the sets in databases {@code <name>_<size>} and reuse them), {@code -Dbench.sigma}
 * (noise per component, default {@value #SIGMA}), {@code -Dbench.seed}, {@code -Dbench.queries} (fewer claims),
 * {@code -Dbench.maintenance-work-mem} (for the index builds, default 4GB), {@code -Dbench.cache} (embedding cache),
 * {@code -Dbench.embedding-storage=plain} (keeps vectors in the row instead of TOAST: an experiment on the bench
 * database's schema, so give it a database of its own).
 */
public final class ScaleBench {

    static final double SIGMA = 0.015;

    public static void main(String[] args) throws Exception {
        List<Long> sizes = sizes(args);
        double sigma = Double.parseDouble(System.getProperty("bench.sigma", String.valueOf(SIGMA)));
        long seed = Long.getLong("bench.seed", 12);
        String maintenanceWorkMem = System.getProperty("bench.maintenance-work-mem", "4GB");
        String kept = System.getProperty("bench.db");
        Path dir = SciFact.dir();
        SciFact data = SciFact.load(dir);
        Map<String, Map<String, Integer>> test = SciFact.qrels(dir, "test");
        EmbeddedSciFact embedded = null;
        long start = System.nanoTime();
        for (long size : sizes) {
            TestDatabase db = kept == null ? TestDatabase.named("scale_" + size) : TestDatabase.kept(kept + "_" + size);
            try (ConfigurableApplicationContext context = BenchApp.start(db, Map.of("spring.main.banner-mode", "off", "logging.level.root", "ERROR"))) {
                EmbeddingModel model = context.getBean(EmbeddingModel.class);
                String modelId = EmbeddingModels.id(model);
                Retriever retriever = context.getBean(Retriever.class);
                if (embedded == null) {
                    embedded = EmbeddedSciFact.load(data, test, context.getBean(Chunker.class), model, modelId,
                            retriever);
                    describe(dir, data, embedded, new NoisyCopies(embedded.vectors(), sigma, seed));
                }
                NoisyCopies copies = new NoisyCopies(embedded.vectors(), sigma, seed);
                ScaleSet.Built built = ScaleSet.ensure(db, copies, embedded.chunks(), size, modelId,
                        maintenanceWorkMem, System.getProperty("bench.embedding-storage"));
                ScaleRuns.setTable(built, copies, maintenanceWorkMem);
                int queries = Math.min(Integer.getInteger("bench.queries", embedded.queries().size()),
                        embedded.queries().size());
                List<String> ids = new ArrayList<>(embedded.queries().keySet()).subList(0, queries);
                new ScaleRuns(context, modelId, ids, data.queries(), embedded.queries(), size)
                        .run(context.getBean(RetrievalProperties.class));
            }
            System.out.printf(Locale.ROOT, "%nWall time so far %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<Long> sizes(String[] args) {
        List<String> list = Arrays.asList(args);
        int at = list.indexOf("--sizes");
        if (at < 0) {
            return List.of(100_000L);
        }
        if (at + 1 >= list.size()) {
            throw new IllegalArgumentException("--sizes needs a comma-separated list, e.g. --sizes 100000,1000000");
        }
        return Arrays.stream(list.get(at + 1).split(",")).map(String::trim).map(Long::parseLong).toList();
    }

    /** How close the real chunks are to each other, and what the noise does to them (for choosing sigma). */
    private static void describe(Path dir, SciFact data, EmbeddedSciFact embedded, NoisyCopies copies) {
        List<float[]> vectors = embedded.vectors();
        List<String> urls = embedded.chunks().stream().map(doc -> String.valueOf(doc.getMetadata().get("url"))).toList();
        double[] nearestOther = new double[vectors.size()];
        Arrays.fill(nearestOther, -1);
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                if (!urls.get(i).equals(urls.get(j))) {
                    double cosine = dot(vectors.get(i), vectors.get(j)); // the model's vectors are unit length
                    nearestOther[i] = Math.max(nearestOther[i], cosine);
                    nearestOther[j] = Math.max(nearestOther[j], cosine);
                }
            }
        }
        Arrays.sort(nearestOther);
        int bases = vectors.size();
        double copyToBase = 0;
        double copyToCopy = 0;
        int samples = Math.min(1000, bases);
        for (int i = 0; i < samples; i++) {
            copyToBase += NoisyCopies.cosine(vectors.get(i), copies.vector(i));
            copyToCopy += NoisyCopies.cosine(copies.vector(i), copies.vector(i + bases));
        }
        System.out.printf(Locale.ROOT, "SciFact (%s): %d abstracts → %d chunks embedded with the real model;"
                        + " %d test claims as queries.%n", dir, data.corpus().size(), bases, embedded.queries().size());
        System.out.printf(Locale.ROOT, "Real chunks: cosine to the nearest chunk of another abstract p10/p50/p90 ="
                        + " %.3f/%.3f/%.3f.%n", nearestOther[bases / 10], nearestOther[bases / 2],
                nearestOther[bases * 9 / 10]);
        System.out.printf(Locale.ROOT, "Noise σ = %.3f per component (%d dims): cosine of a copy to its chunk %.3f,"
                        + " of two copies of one chunk %.3f (expected %.3f), mean over %d chunks.%n", copies.sigma(),
                vectors.get(0).length, copyToBase / samples, copyToCopy / samples, copies.expectedCopyCosine(),
                samples);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
