package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.pipeline.StageTimer.Stage;
import dev.groundwork.ingest.store.IngestionStatus;
import dev.groundwork.ingest.store.ResourceStatus;
import java.util.Locale;

/** Plain-text tables for the CLI: the report after a run, and the status of every roadmap. */
final class ReportTable {

    private ReportTable() {
    }

    static String report(RunReport report) {
        StringBuilder out = new StringBuilder(resources(report.status()));
        IngestionStatus s = report.status();
        out.append(String.format(Locale.ROOT, "%n%s: %d resource chunks + %d topic chunks stored; %d embedded by this "
                + "run in %.1f s%n", s.roadmapId(), s.chunks(), s.topicChunks(), report.embedded(),
                report.elapsed().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "stages (summed over workers): fetch %.1f s, extract %.1f s, chunk %.1f s, "
                + "embed %.1f s, store %.1f s%n", report.stages().seconds(Stage.FETCH),
                report.stages().seconds(Stage.EXTRACT), report.stages().seconds(Stage.CHUNK),
                report.stages().seconds(Stage.EMBED), report.stages().seconds(Stage.STORE)));
        return out.toString();
    }

    static String resources(IngestionStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-13s %6s %5s %5s  %s%n", "STATE", "CHUNKS", "DOCS", "PAGES", "RESOURCE"));
        for (ResourceStatus r : status.items()) {
            String what = r.url() != null ? r.url() : r.title() + " (" + r.type() + ")";
            out.append(String.format("%-13s %6d %5d %5s  %s%s%n", r.state(), r.chunks(), r.documents(),
                    r.pages() == null ? "-" : r.pages().toString(), what,
                    r.reason() == null ? "" : "  — " + r.reason()));
        }
        return out.toString();
    }

    static String summary(IngestionStatus s) {
        return String.format("%s  \"%s\"%n  resources: %s; chunks: %d (+%d topic); jobs: %s%s%n", s.roadmapId(),
                s.title(), s.resources(), s.chunks(), s.topicChunks(), s.jobs(), s.finished() ? "" : "  (in progress)");
    }
}
