package dev.groundwork.ingest.extract;

import dev.groundwork.ingest.mirror.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test corpus (mirror pages and their truth texts). Located by the system property
 * {@code groundwork.corpus.dir}, else the environment variable {@code GROUNDWORK_CORPUS_DIR}, else by walking up from
 * the working directory to a {@code shared/corpus} folder (the repository is cloned with {@code shared/} beside it).
 */
final class Corpus {

    static final String PROPERTY = "groundwork.corpus.dir";
    static final String ENV = "GROUNDWORK_CORPUS_DIR";

    /** A mirrored HTML page that has a truth file. */
    record TruthPage(String url, Path html, Path truth) {
    }

    private Corpus() {
    }

    static Path dir() {
        return SharedFolder.find("corpus", "web/manifest.json", PROPERTY, ENV);
    }

    static Path web(String path) {
        return dir().resolve("web").resolve(path);
    }

    static byte[] bytes(String webPath) {
        try {
            return Files.readAllBytes(web(webPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mirrored document: its URL, file and the media type an ingester would pass (Markdown by its extension). */
    record Entry(String url, Path file, String mediaType) {
    }

    static List<Entry> entries() {
        Path dir = dir();
        List<Entry> entries = new ArrayList<>();
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("web/manifest.json").toFile());
        for (JsonNode entry : manifest) {
            JsonNode path = entry.get("path");
            if (path == null) {
                continue;
            }
            String type = entry.path("contentType").asString().split(";")[0].trim();
            if (path.asString().endsWith(".md") && type.equals("text/plain")) {
                type = "text/markdown";
            }
            entries.add(new Entry(entry.get("url").asString(), dir.resolve("web").resolve(path.asString()), type));
        }
        return entries;
    }

    static List<TruthPage> truthPages() {
        Path dir = dir();
        List<TruthPage> pages = new ArrayList<>();
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("web/manifest.json").toFile());
        for (JsonNode entry : manifest) {
            JsonNode path = entry.get("path");
            if (path == null || !entry.path("contentType").asString().startsWith("text/html")) {
                continue;
            }
            String webPath = path.asString();
            String stem = webPath.endsWith(".html") ? webPath.substring(0, webPath.length() - 5) : webPath;
            Path truth = dir.resolve("web-truth").resolve(stem + ".txt");
            if (Files.isRegularFile(truth)) {
                pages.add(new TruthPage(entry.get("url").asString(), dir.resolve("web").resolve(webPath), truth));
            }
        }
        return pages;
    }
}
