package dev.groundwork.ingest.store;

/**
 * An import by title found a different roadmap stored under the document's title slug, and changed nothing. The
 * caller chooses: update that roadmap ({@link ImportMode#update}) or import the document as a new one
 * ({@link ImportMode#asNew}).
 */
public class RoadmapExists extends RuntimeException {

    private final String existingId;
    private final String existingTitle;

    public RoadmapExists(String existingId, String existingTitle) {
        super("A different roadmap \"" + existingTitle + "\" is already stored as '" + existingId + "'.");
        this.existingId = existingId;
        this.existingTitle = existingTitle;
    }

    public String existingId() {
        return existingId;
    }

    public String existingTitle() {
        return existingTitle;
    }
}
