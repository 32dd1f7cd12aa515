package dev.groundwork.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic document ids: one per resource and URL. */
final class DocumentIds {

    private DocumentIds() {
    }

    static UUID of(UUID resourceId, String url) {
        return UUID.nameUUIDFromBytes((resourceId + "|" + url).getBytes(StandardCharsets.UTF_8));
    }
}
