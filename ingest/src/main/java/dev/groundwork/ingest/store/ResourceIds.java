package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** Deterministic resource ids: one per URL, or per named reference (type and name, case-insensitive). */
final class ResourceIds {

    private ResourceIds() {
    }

    static UUID of(ResourceRef ref) {
        String name = ref.isLink()
                ? "url:" + ref.url().strip()
                : "ref:" + ref.type() + ":" + ref.title().strip().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
