package dev.groundwork.api.retrieval.bench;

import dev.groundwork.ingest.mirror.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SciFact retrieval set in BEIR layout ({@code shared/bench/scifact}): abstracts, claims and graded judgements.
 * Located by {@code -Dgroundwork.bench.dir}, else {@code GROUNDWORK_BENCH_DIR} (either naming the {@code scifact}
 * folder), else by walking up from the working directory to {@code shared/bench/scifact}.
 *
 * @param corpus  abstracts by id, in file order
 * @param queries claim texts by id
 */
record SciFact(Map<String, Abstract> corpus, Map<String, String> queries) {

    static final String PROPERTY = "groundwork.bench.dir";
    static final String ENV = "GROUNDWORK_BENCH_DIR";

    /** One abstract. */
    record Abstract(String id, String title, String text) {
    }

    static SciFact load(Path dir) {
        Map<String, Abstract> corpus = new LinkedHashMap<>();
        for (JsonNode doc : jsonLines(dir.resolve("corpus.jsonl"))) {
            String id = doc.get("_id").asString();
            corpus.put(id, new Abstract(id, doc.path("title").asString(""), doc.path("text").asString("")));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode query : jsonLines(dir.resolve("queries.jsonl"))) {
            queries.put(query.get("_id").asString(), query.get("text").asString());
        }
        return new SciFact(corpus, queries);
    }

    /** Judgements of a split ({@code train} or {@code test}): query id → (abstract id → relevance), file order. */
    static Map<String, Map<String, Integer>> qrels(Path dir, String split) {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = lines(dir.resolve("qrels").resolve(split + ".tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            qrels.computeIfAbsent(cells[0], id -> new LinkedHashMap<>()).put(cells[1], Integer.parseInt(cells[2]));
        }
        return qrels;
    }

    static Path dir() {
        return SharedFolder.find("bench/scifact", "corpus.jsonl", PROPERTY, ENV);
    }

    private static List<JsonNode> jsonLines(Path file) {
        JsonMapper json = JsonMapper.builder().build();
        return lines(file).stream().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
