package dev.groundwork.ingest.store;

/** An update named a roadmap id that is not stored; nothing changed. */
public class UnknownRoadmap extends RuntimeException {

    private final String roadmapId;

    public UnknownRoadmap(String roadmapId) {
        super("No roadmap with id '" + roadmapId + "'.");
        this.roadmapId = roadmapId;
    }

    public String roadmapId() {
        return roadmapId;
    }
}
