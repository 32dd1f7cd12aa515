package dev.groundwork.ingest.roadmap;

/** A document that cannot be a roadmap: empty, binary, not UTF-8, too large or without topics. The message is safe to show. */
public class RoadmapRejected extends RuntimeException {

    private final Reason reason;

    public RoadmapRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason { EMPTY, BINARY, NOT_UTF8, TOO_LARGE, NO_TOPICS }
}
