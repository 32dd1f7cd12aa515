package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.store.ImportResult;
import dev.groundwork.ingest.store.RoadmapExists;

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

    /** The error line for a file whose title is taken by another roadmap: which one, and the two ways on. */
    static String clash(String command, String file, RoadmapExists clash) {
        return "%s: a different roadmap \"%s\" is already stored as %s; to update it: %s --update %s %s; to import this one as a new roadmap: %s --new %s"
                .formatted(file, clash.existingTitle(), clash.existingId(), command, clash.existingId(), file, command,
                        file);
    }
}
