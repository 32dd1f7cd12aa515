package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.store.ImportResult;

/** A roadmap that was parsed and stored, with what storing it changed. */
public record ImportedRoadmap(Roadmap roadmap, ImportResult result) {
}
