package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.store.ImportResult;
import dev.groundwork.ingest.store.RoadmapExists;
import java.util.List;

/** One line per imported roadmap for the CLI, followed by the links it skipped. */
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

    /** One line per link the parser skipped (a relative link, an anchor): what, where and why; none without. */
    static List<String> skippedLinks(ImportedRoadmap imported) {
        return imported.roadmap().skippedLinks().stream()
                .map(link -> "  skipped link %s (\"%s\"%s): %s".formatted(link.url(), link.title(),
                        link.topic() == null ? "" : " in " + link.topic(), link.reason()))
                .toList();
    }

    /** The error line for a file whose title is taken by another roadmap: which one, and the two ways on. */
    static String clash(String command, String file, RoadmapExists clash) {
        return "%s: a different roadmap \"%s\" is already stored as %s; to update it: %s --update %s %s; to import this one as a new roadmap: %s --new %s"
                .formatted(file, clash.existingTitle(), clash.existingId(), command, clash.existingId(), file, command,
                        file);
    }
}
