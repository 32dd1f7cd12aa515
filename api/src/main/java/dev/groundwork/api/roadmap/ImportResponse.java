package dev.groundwork.api.roadmap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.groundwork.ingest.store.ImportResult;

/** The answer to an import: the stored roadmap and what the import changed. */
record ImportResponse(@JsonUnwrapped RoadmapView roadmap, ImportResult changes) {
}
