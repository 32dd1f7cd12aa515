package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.RoadmapParser;
import dev.groundwork.ingest.roadmap.RoadmapRejected;
import dev.groundwork.ingest.store.ImportMode;
import dev.groundwork.ingest.store.RoadmapExists;
import dev.groundwork.ingest.store.RoadmapStore;
import dev.groundwork.ingest.store.UnknownRoadmap;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * Parses a roadmap document and stores it. A rejected document ({@link RoadmapRejected}), a title clash
 * ({@link RoadmapExists}) and an unknown roadmap to update ({@link UnknownRoadmap}) store nothing.
 * Blocking (parsing and JDBC): call from a worker thread.
 */
@Service
public class RoadmapImporter {

    private final RoadmapParser parser;
    private final RoadmapStore store;

    public RoadmapImporter(RoadmapParser parser, RoadmapStore store) {
        this.parser = parser;
        this.store = store;
    }

    /**
     * Imports by title ({@link ImportMode#byTitle()}).
     *
     * @param document   the roadmap's bytes, UTF-8
     * @param sourceName the file name it came from, or {@code null}
     * @throws RoadmapRejected when the document is not a usable roadmap
     * @throws RoadmapExists   when a different roadmap is stored under the title
     */
    public ImportedRoadmap importDocument(byte[] document, String sourceName) {
        return importDocument(document, sourceName, ImportMode.byTitle());
    }

    /**
     * @param document   the roadmap's bytes, UTF-8
     * @param sourceName the file name it came from, or {@code null}
     * @param mode       which roadmap to write
     * @return the roadmap as stored (its id and topic ids may differ from the title's slug), and what changed
     * @throws RoadmapRejected when the document is not a usable roadmap
     * @throws RoadmapExists   by title, when a different roadmap is stored under the title
     * @throws UnknownRoadmap  on update, when no roadmap has the id
     */
    public ImportedRoadmap importDocument(byte[] document, String sourceName, ImportMode mode) {
        Roadmap parsed = parser.parse(document);
        // the parser accepted the bytes as strict UTF-8, so this decoding is exact: the original text is kept
        String text = new String(document, StandardCharsets.UTF_8);
        var result = store.save(parsed, mode, sourceName, text);
        return new ImportedRoadmap(parsed.withId(result.roadmapId()), result);
    }
}
