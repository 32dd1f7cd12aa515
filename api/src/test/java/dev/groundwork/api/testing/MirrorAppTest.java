package dev.groundwork.api.testing;

import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.RoadmapQueries;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of a Spring test of the app whose fetches go to the offline mirror: the beans that import and ingest roadmaps,
 * and the ingested Redis fixture ({@link AnswerFixture}).
 */
public abstract class MirrorAppTest extends MirrorFetching {

    @Autowired
    protected RoadmapImporter importer;
    @Autowired
    protected IngestRun run;
    @Autowired
    protected RoadmapQueries roadmaps;

    /** Imports the roadmap and ingests its sources from the offline mirror; returns its id. */
    protected String ingested(String markdown, String fileName) {
        String roadmapId = importer.importDocument(markdown.getBytes(StandardCharsets.UTF_8), fileName).roadmap().id();
        run.run(roadmapId, IngestListener.NONE);
        return roadmapId;
    }

    /** The Redis fixture's "Week 1" topic, imported and ingested (a no-op when it already is). */
    protected String redisTopic() {
        return AnswerFixture.ensure(importer, run, roadmaps);
    }
}
