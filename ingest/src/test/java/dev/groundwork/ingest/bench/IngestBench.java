package dev.groundwork.ingest.bench;

import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.pipeline.RunReport;
import dev.groundwork.ingest.pipeline.StageTimer.Stage;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingestion throughput benchmark (a command, not a test): ingests the five seed roadmaps against the offline
 * mirror into a fresh database with the real embedding model, then embeds the same chunk texts with the raw model
 * in the same run, then runs ingestion again over the unchanged sources. Prints a Markdown table.
 *
 * <p>Run: {@code scripts/bench.sh ingest}.
 */
public final class IngestBench {

    static final List<String> SEEDS = List.of("000_72930f71c79b6e62.txt", "001_1a123edda492b329.txt",
            "002_b3a40b5122b0f3e3.txt", "003_0efd650f91282031.txt", "004_f81cf6d221e2f740.txt");

    @EnableAutoConfiguration
    @ComponentScan({"dev.groundwork.ingest.store", "dev.groundwork.ingest.pipeline"})
    static class App {
    }

    public static void main(String[] args) throws Exception {
        try (MirrorServer mirror = MirrorServer.start(); ConfigurableApplicationContext context = start(mirror)) {
            RoadmapImporter importer = context.getBean(RoadmapImporter.class);
            IngestRun run = context.getBean(IngestRun.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            List<String> ids = new ArrayList<>();
            for (String seed : SEEDS) {
                try (InputStream in = IngestBench.class.getResourceAsStream("/roadmap/" + seed)) {
                    ids.add(importer.importDocument(in.readAllBytes(), seed).roadmap().id());
                }
            }
            List<RunReport> first = new ArrayList<>();
            for (String id : ids) {
                first.add(run.run(id, IngestListener.NONE));
            }
            List<String> texts = jdbc.sql("SELECT content FROM chunks ORDER BY id").query(String.class).list();
            EmbeddingModel model = context.getBean(EmbeddingModel.class);
            long rawStart = System.nanoTime();
            for (int i = 0; i < texts.size(); i += 32) {
                model.embed(texts.subList(i, Math.min(i + 32, texts.size())));
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            List<RunReport> second = new ArrayList<>();
            for (String id : ids) {
                second.add(run.run(id, IngestListener.NONE));
            }
            print(first, second, texts.size(), rawSeconds);
        }
    }

    private static ConfigurableApplicationContext start(MirrorServer mirror) {
        TestDatabase db = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.putAll(mirror.fetchProperties());
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(properties).run();
    }

    private static void print(List<RunReport> first, List<RunReport> second, int chunks, double rawSeconds) {
        int embedded = first.stream().mapToInt(RunReport::embedded).sum();
        double seconds = first.stream().mapToDouble(r -> r.elapsed().toMillis() / 1000.0).sum();
        double again = second.stream().mapToDouble(r -> r.elapsed().toMillis() / 1000.0).sum();
        int reEmbedded = second.stream().mapToInt(RunReport::embedded).sum();
        System.out.println();
        System.out.println("| ingestion of the five seed roadmaps (mirror, bge-small-en-v1.5-q) | value |");
        System.out.println("|---|---|");
        row("chunks stored", "%d", chunks);
        row("chunks embedded, first run", "%d", embedded);
        row("end to end, first run", "%.1f s = %.1f chunks/s", seconds, embedded / seconds);
        row("raw model, same texts, same run", "%.1f s = %.1f chunks/s", rawSeconds, chunks / rawSeconds);
        for (Stage stage : Stage.values()) {
            double total = first.stream().mapToDouble(r -> r.stages().seconds(stage)).sum();
            row("stage " + stage.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (summed over workers)",
                    "%.1f s", total);
        }
        row("second run (unchanged sources)", "%.1f s, %d chunks embedded", again, reEmbedded);
    }

    private static void row(String what, String format, Object... values) {
        System.out.println("| " + what + " | " + String.format(Locale.ROOT, format, values) + " |");
    }
}
