package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.ChunkWriter;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.store.StoredRoadmap;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chunks and embeds each topic's own text — title, description, concepts, build tasks, interview focus and named
 * references — so that a topic whose resources cannot be fetched (a book, a video course) still has knowledge to
 * retrieve. Unchanged topics embed nothing.
 */
class TopicIngestor {

    static final String URL_PREFIX = "groundwork:topic/";

    private final RoadmapQueries roadmaps;
    private final Chunker chunker;
    private final ChunkWriter chunks;

    TopicIngestor(RoadmapQueries roadmaps, Chunker chunker, ChunkWriter chunks) {
        this.roadmaps = roadmaps;
        this.chunks = chunks;
        this.chunker = chunker;
    }

    /**
     * @param heartbeat run after each topic: keeps the job's lease
     * @return {chunks, embedded}
     */
    int[] ingest(String roadmapId, Runnable heartbeat) {
        StoredRoadmap roadmap = roadmaps.find(roadmapId).orElse(null);
        if (roadmap == null) {
            return new int[] {0, 0};
        }
        int total = 0;
        int embedded = 0;
        List<Topic> pending = new ArrayList<>(roadmap.topics());
        while (!pending.isEmpty()) {
            Topic topic = pending.remove(0);
            pending.addAll(topic.children());
            var pieces = chunker.chunk(document(topic));
            total += pieces.size();
            embedded += chunks.replaceTopicChunks(UUID.fromString(topic.id()), topic.title(), pieces);
            heartbeat.run();
        }
        return new int[] {total, embedded};
    }

    /** The topic's text as a small structured document. */
    static ExtractedDocument document(Topic topic) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(block(BlockKind.HEADING, 1, String.join(" › ", topic.path())));
        if (topic.description() != null) {
            blocks.add(block(BlockKind.PARAGRAPH, 0, topic.description()));
        }
        section(blocks, "Concepts", topic.concepts());
        section(blocks, "Build", topic.buildTasks());
        section(blocks, "Interview focus", topic.interviewFocus());
        section(blocks, "Resources", topic.resources().stream()
                .map(r -> r.isLink() ? r.title() + " (" + r.url() + ")" : r.title() + " (" + r.type() + ")")
                .toList());
        return ExtractedDocument.of(URL_PREFIX + topic.id(), topic.title(), "text/plain", blocks, 0);
    }

    private static void section(List<Block> blocks, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        blocks.add(block(BlockKind.HEADING, 2, heading));
        items.forEach(item -> blocks.add(block(BlockKind.LIST_ITEM, 1, item)));
    }

    private static Block block(BlockKind kind, int level, String text) {
        return new Block(kind, level, text, null, 0, 0);
    }
}
