package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.RetrievalProperties;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Retrievers;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.retrieval.SearchRequest;
import dev.groundwork.api.retrieval.SearchRequest.Mode;
import dev.groundwork.api.retrieval.bench.RawSearch.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measurements on one loaded set, each printed as a Markdown table as soon as it is done: the product's dense
 * search ({@link Retriever#search}, 10 results, no diversification) exact and over HNSW, over everything and scoped
 * to one roadmap of 100 (query {@code i} searches roadmap {@code i % 100}); recall@10 against the exact search of the
 * same scope; p50/p95 at 1 and 8 concurrent searchers; then raw SQL sweeps of the pgvector settings.
 */
final class ScaleRuns {

    static final int K = 10;
    static final List<Integer> EF_SWEEP = List.of(40, 100, 200, 400);
    static final List<Integer> SCOPED_EF_SWEEP = List.of(40, 100, 200, 400);
    static final List<Integer> MAX_SCAN_TUPLES = List.of(20_000, 100_000);
    private static final int CONCURRENT = 8;

    private final ConfigurableApplicationContext context;
    private final RawSearch raw;
    private final List<String> ids;
    private final Map<String, String> texts;
    private final Map<String, float[]> vectors;
    private final long size;

    ScaleRuns(ConfigurableApplicationContext context, String modelId, List<String> ids, Map<String, String> texts,
            Map<String, float[]> vectors, long size) {
        this.context = context;
        this.raw = new RawSearch(context.getBean(JdbcClient.class), context.getBean(TransactionTemplate.class),
                modelId);
        this.ids = ids;
        this.texts = texts;
        this.vectors = vectors;
        this.size = size;
    }

    static void setTable(ScaleSet.Built built, NoisyCopies copies, String maintenanceWorkMem) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| %,d chunks | noise σ | load (COPY) s | HNSW build s | other indexes s |"
                + " VACUUM ANALYZE s | table size | HNSW size |%n", built.rows());
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %,d SciFact chunks × ~%d copies%s | %.3f | %.1f | %.1f | %.1f | %.1f | %s |"
                        + " %s |%n", copies.bases().size(), Math.round((double) built.rows() / copies.bases().size()),
                built.reused() ? " (kept set: times from its build)" : "", copies.sigma(), built.loadSeconds(),
                built.hnswSeconds(), built.otherIndexSeconds(), built.vacuumSeconds(), mb(built.tableBytes()),
                mb(built.hnswBytes()));
        System.out.println();
        System.out.println("Index: `" + built.hnswIndex() + "`, built with maintenance_work_mem " + maintenanceWorkMem
                + "; embedding column storage " + built.embeddingStorage()
                + (built.embeddingStorage().equals("p") ? " (plain: in the row)" : " (external: out of line in TOAST"
                        + " when a row is over ~2 kB, which chunk rows are)")
                + "; user triggers on chunks disabled during the load: "
                + (built.disabledTriggers().isEmpty() ? "none existed" : String.join(", ", built.disabledTriggers()))
                + ".");
    }

    void run(RetrievalProperties defaults) {
        product(defaults, false);
        product(defaults, true);
        rawSweep(defaults);
    }

    /** The product path: exact and HNSW (default ef_search, then a sweep) over everything or one roadmap each. */
    private void product(RetrievalProperties defaults, boolean scoped) {
        String what = scoped ? "one roadmap of 100 per query" : "all chunks";
        System.err.printf("scale: %,d rows, %s: exact search (ground truth)%n", size, what);
        Retriever retriever = context.getBean(Retriever.class);
        Searches exact = Searches.run(ids.size(), 1, product(retriever, true, scoped));
        Searches exact8 = Searches.run(ids.size(), CONCURRENT, product(retriever, true, scoped));
        System.err.printf("scale: %,d rows, %s: HNSW%n", size, what);
        Searches hnsw = Searches.run(ids.size(), 1, product(retriever, false, scoped));
        Searches hnsw8 = Searches.run(ids.size(), CONCURRENT, product(retriever, false, scoped));
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d chunks, %s: Retriever.search (dense, %d results, %d candidates), %d"
                + " claims%n%n", size, what, K, Math.max(defaults.candidates(), K), ids.size());
        System.out.println("| search | ef_search | recall@10 | p50 / p95 ms, 1 searcher | p50 / p95 ms, 8 searchers"
                + " | searches/s, 8 | p50 / exact p50 |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("exact (no index)", "—", exact.results(), exact, exact8, exact);
        row("HNSW, default", effective(defaults.efSearch(), defaults), exact.results(), hnsw, hnsw8, exact);
        for (int ef : scoped ? SCOPED_EF_SWEEP : EF_SWEEP) {
            if (ef == defaults.efSearch()) {
                continue;
            }
            Retriever swept = Retrievers.with(context, withEf(defaults, ef));
            Searches run = Searches.run(ids.size(), 1, product(swept, false, scoped));
            row("HNSW", effective(ef, defaults), exact.results(), run, null, exact);
        }
    }

    private IntFunction<List<String>> product(Retriever retriever, boolean exact, boolean scoped) {
        return q -> retriever.search(new SearchRequest(texts.get(ids.get(q)), vectors.get(ids.get(q)),
                        scoped ? Scope.roadmap(ScaleSet.roadmapId(q % ScaleSet.ROADMAPS)) : Scope.global(),
                        Mode.DENSE, exact, K, false))
                .stream().map(RetrievedChunk::id).toList();
    }

    /**
     * Raw SQL, scoped to a roadmap, the product's candidates: the plan PostgreSQL picks with the product's settings,
     * then HNSW forced (bitmap scans off) across iterative scan modes, ef_search and max_scan_tuples.
     */
    private void rawSweep(RetrievalProperties defaults) {
        int candidates = Math.max(defaults.candidates(), K);
        System.err.printf("scale: %,d rows, raw SQL sweep%n", size);
        Settings exactSettings = new Settings(0, "off", 0, candidates, true, false);
        Searches exact = Searches.run(ids.size(), 1, q -> raw.search(vector(q), roadmap(q), exactSettings));
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d chunks, one roadmap of 100 per query: raw SQL (the product's query shape,"
                + " LIMIT %d, re-sorted), 1 searcher; exact p50 %.1f ms%n%n", size, candidates, exact.p(50));
        System.out.println("| plan | ef_search | iterative scan | max_scan_tuples | recall@10 | rows returned (mean)"
                + " | p50 / p95 ms | scan nodes (query 0) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<Settings> sweep = new ArrayList<>();
        sweep.add(new Settings(Math.max(defaults.efSearch(), candidates), "relaxed_order", 20_000, candidates, false,
                false));
        sweep.add(new Settings(100, "off", 20_000, candidates, false, true));
        for (int ef : List.of(40, 100, 400)) {
            for (int maxTuples : MAX_SCAN_TUPLES) {
                sweep.add(new Settings(ef, "relaxed_order", maxTuples, candidates, false, true));
            }
        }
        for (Settings settings : sweep) {
            Searches run = Searches.run(ids.size(), 1, q -> raw.search(vector(q), roadmap(q), settings));
            double returned = run.results().stream().mapToInt(List::size).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %,d | %.4f | %.1f | %.1f / %.1f | %s |%n",
                    settings.forceHnsw() ? "HNSW forced" : "planner's choice", settings.efSearch(),
                    settings.iterativeScan(), settings.maxScanTuples(), Recall.mean(exact.results(), run.results(), K),
                    returned, run.p(50), run.p(95), plan(raw.explain(vector(0), roadmap(0), settings)));
        }
    }

    private float[] vector(int q) {
        return vectors.get(ids.get(q));
    }

    private static String roadmap(int q) {
        return ScaleSet.roadmapId(q % ScaleSet.ROADMAPS);
    }

    /** The scan nodes of a plan, outermost first. */
    static String plan(List<String> lines) {
        return lines.stream().map(String::trim).map(line -> line.replaceFirst("^->\\s*", ""))
                .filter(line -> line.contains("Scan") && !line.startsWith("Buffers"))
                .map(line -> line.replaceAll("\\s*\\(actual.*", ""))
                .collect(Collectors.joining(" → "));
    }

    private static void row(String search, String ef, List<List<String>> truth, Searches one, Searches eight,
            Searches exact) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.1f / %.1f | %s | %s | %.2f |%n", search, ef,
                Recall.mean(truth, one.results(), K), one.p(50), one.p(95),
                eight == null ? "—" : String.format(Locale.ROOT, "%.1f / %.1f", eight.p(50), eight.p(95)),
                eight == null ? "—" : String.format(Locale.ROOT, "%.1f", eight.perSecond()), one.p(50) / exact.p(50));
    }

    /** The ef_search the product sets: never below the candidates it asks for. */
    private static String effective(int ef, RetrievalProperties defaults) {
        int candidates = Math.max(defaults.candidates(), K);
        return ef >= candidates ? String.valueOf(ef) : ef + " (→ " + candidates + ")";
    }

    private static RetrievalProperties withEf(RetrievalProperties p, int ef) {
        return new RetrievalProperties(p.candidates(), p.results(), p.rrfK(), p.denseWeight(), p.textWeight(),
                p.bm25K1(), p.bm25B(), p.mmrLambda(), p.duplicateSimilarity(), ef);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }
}
