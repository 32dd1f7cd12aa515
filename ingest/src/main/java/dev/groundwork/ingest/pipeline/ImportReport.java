package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.store.ImportResult;

/** One line per imported roadmap for the CLI. */
final class ImportReport {

    private ImportReport() {
    }

    static String line(String file, ImportedRoadmap imported) {
        ImportResult r = imported.result();
        String change = r.created() ? "new"
                : r.unchanged() ? "unchanged"
                : "updated: %d added, %d changed, %d removed, %d archived".formatted(r.added(), r.updated(),
                        r.removed(), r.archived());
        return "%s → %s \"%s\": %d topics (%s)".formatted(file, r.roadmapId(), imported.roadmap().title(),
                r.topics(), change);
    }
}
