package dev.groundwork.ingest.store;

import java.util.Objects;

/**
 * Which stored roadmap an import writes.
 *
 * <ul>
 *   <li>{@link Kind#BY_TITLE}: the roadmap whose id is the slug of the document's title. A document stored already
 *       (the same content hash, under any id) is left unchanged; a different document whose title slug is taken
 *       is refused with {@link RoadmapExists}, and the caller chooses one of the other two modes.
 *   <li>{@link Kind#UPDATE}: the roadmap {@link #roadmapId()}, whatever the document's title now is; its id stays
 *       and topic ids keep deriving from it. An unknown id is {@link UnknownRoadmap}.
 *   <li>{@link Kind#AS_NEW}: a new roadmap, under the title's slug or, when that is taken, the slug with the first
 *       free suffix {@code -2}, {@code -3}, …
 * </ul>
 *
 * @param roadmapId the roadmap to update; only for {@link Kind#UPDATE}
 */
public record ImportMode(Kind kind, String roadmapId) {

    public enum Kind { BY_TITLE, UPDATE, AS_NEW }

    public ImportMode {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.UPDATE) != (roadmapId != null)) {
            throw new IllegalArgumentException("a roadmap id goes with UPDATE, and only with it");
        }
    }

    public static ImportMode byTitle() {
        return new ImportMode(Kind.BY_TITLE, null);
    }

    public static ImportMode update(String roadmapId) {
        return new ImportMode(Kind.UPDATE, Objects.requireNonNull(roadmapId, "roadmapId"));
    }

    public static ImportMode asNew() {
        return new ImportMode(Kind.AS_NEW, null);
    }
}
