package dev.groundwork.ingest.store;

/**
 * What storing a roadmap changed.
 *
 * @param roadmapId the roadmap's id
 * @param created   {@code true} when the roadmap was new
 * @param unchanged {@code true} when the same document (same content hash) was stored already: nothing was written
 * @param topics    topics in the roadmap now (archived ones not counted)
 * @param added     topics that were new
 * @param updated   topics whose stored fields changed, including archived topics that came back
 * @param removed   topics no longer in the roadmap, deleted
 * @param archived  topics no longer in the roadmap that learner data refers to: archived, not deleted
 */
public record ImportResult(String roadmapId, boolean created, boolean unchanged, int topics, int added, int updated,
        int removed, int archived) {

    /** The result of an import that found the same document stored. */
    static ImportResult sameDocument(String roadmapId, int topics) {
        return new ImportResult(roadmapId, false, true, topics, 0, 0, 0, 0);
    }
}
