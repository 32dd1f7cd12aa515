package dev.groundwork.ingest.store;

import java.util.List;
import java.util.Map;

/**
 * Where ingestion of one roadmap stands.
 *
 * @param roadmapId   the roadmap
 * @param title       its title
 * @param jobs        ingestion jobs by state: {@code queued}, {@code running}, {@code done}, {@code failed}
 * @param resources   resources by state (see {@link ResourceStatus#state()})
 * @param chunks      chunks stored from the roadmap's resources
 * @param topicChunks chunks stored from the texts of the roadmap's own (not archived) topics
 * @param finished    {@code true} when no job is queued or running
 * @param items       every resource with its state
 */
public record IngestionStatus(String roadmapId, String title, Map<String, Integer> jobs,
        Map<String, Integer> resources, int chunks, int topicChunks, boolean finished, List<ResourceStatus> items) {
}
