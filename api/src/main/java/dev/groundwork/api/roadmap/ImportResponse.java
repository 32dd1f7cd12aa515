package dev.groundwork.api.roadmap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.groundwork.ingest.roadmap.SkippedLink;
import dev.groundwork.ingest.store.ImportResult;
import java.util.List;

/**
 * The answer to an import: the stored roadmap, what the import changed, and the links it did not keep as resources
 * (relative links, anchors), with why.
 */
record ImportResponse(@JsonUnwrapped RoadmapView roadmap, ImportResult changes, List<SkippedLink> skippedLinks) {
}
