package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.RoadmapParser;
import dev.groundwork.ingest.roadmap.RoadmapRejected;
import dev.groundwork.ingest.store.RoadmapStore;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * Parses a roadmap document and stores it. A rejected document ({@link RoadmapRejected}) stores nothing.
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
     * @param document   the roadmap's bytes, UTF-8
     * @param sourceName the file name it came from, or {@code null}
     * @throws RoadmapRejected when the document is not a usable roadmap
     */
    public ImportedRoadmap importDocument(byte[] document, String sourceName) {
        Roadmap roadmap = parser.parse(document);
        // the parser accepted the bytes as strict UTF-8, so this decoding is exact: the original text is kept
        String text = new String(document, StandardCharsets.UTF_8);
        return new ImportedRoadmap(roadmap, store.save(roadmap, sourceName, text));
    }
}
