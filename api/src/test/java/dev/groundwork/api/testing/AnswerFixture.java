package dev.groundwork.api.testing;

import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.RoadmapQueries;
import java.nio.charset.StandardCharsets;

/**
 * A small roadmap whose one week links Redis's getting-started docs, imported and ingested (from the offline
 * mirror) through the real pipeline. Ingesting again is a no-op, so every test may call {@link #ensure}.
 */
public final class AnswerFixture {

    public static final String ROADMAP = """
            # Caching drill
            ## Week 1: Redis basics
            - Redis data types and the redis-cli
            - Build: a cache-aside service
            - https://redis.io/docs/latest/develop/get-started/
            ## Week 2: Eviction
            - LRU and LFU eviction policies
            """;

    private AnswerFixture() {
    }

    /** Imports and ingests the roadmap; returns the id of its "Week 1" topic. */
    public static String ensure(RoadmapImporter importer, IngestRun run, RoadmapQueries roadmaps) {
        String roadmapId = importer.importDocument(ROADMAP.getBytes(StandardCharsets.UTF_8), "caching.md")
                .roadmap().id();
        run.run(roadmapId, IngestListener.NONE);
        return roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();
    }
}
