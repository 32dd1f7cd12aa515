package dev.groundwork.api.refresh;

import java.time.Instant;
import java.util.List;

/**
 * How fresh a roadmap's resources are, as the roadmap view shows it. Shared data only: nothing of any learner.
 *
 * @param enabled         the roadmap's own switch
 * @param scheduled       whether checks run on a schedule at all ({@code groundwork.refresh.enabled})
 * @param interval        the time between checks, ISO-8601 (e.g. {@code PT168H})
 * @param defaultInterval whether that is the configured default rather than the roadmap's own
 * @param nextCheckAt     when the next check is due; {@code null} when the roadmap is not checked on a schedule
 * @param running         when a check is running now, its start; else {@code null}
 * @param last            the last finished check, or {@code null} before the first
 */
public record Freshness(boolean enabled, boolean scheduled, String interval, boolean defaultInterval,
        Instant nextCheckAt, Instant running, Check last) {

    /**
     * One finished check.
     *
     * @param trigger   {@code schedule} or {@code manual}
     * @param checked   resources re-fetched
     * @param unchanged of those, not modified (304, or the same content hash): nothing was rewritten
     * @param changed   of those, with a changed document: re-chunked, re-embedded, cards re-anchored or marked stale
     * @param failed    of those, whose re-fetch failed (the chunks they had are kept)
     */
    public record Check(String trigger, Instant startedAt, Instant finishedAt, int checked, int unchanged, int changed,
            int failed, List<Source> changedResources, List<Source> failedResources) {
    }

    /** A resource a check found changed or failed; {@code reason} only for a failure. */
    public record Source(String title, String url, String reason) {
    }
}
