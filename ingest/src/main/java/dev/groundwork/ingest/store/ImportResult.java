package dev.groundwork.ingest.store;

/**
 * What storing a roadmap changed.
 *
 * @param roadmapId the roadmap's id
 * @param created   {@code true} when the roadmap was new
 * @param topics    topics in the roadmap now
 * @param added     topics that were new
 * @param updated   topics whose stored fields changed
 * @param removed   topics no longer in the roadmap, deleted
 */
public record ImportResult(String roadmapId, boolean created, int topics, int added, int updated, int removed) {

    public boolean unchanged() {
        return !created && added == 0 && updated == 0 && removed == 0;
    }
}
