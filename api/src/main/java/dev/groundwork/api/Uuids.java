package dev.groundwork.api;

import java.util.Optional;
import java.util.UUID;

/** Ids from paths and bodies: a string that is not a UUID names nothing, so callers answer it like an unknown id. */
public final class Uuids {

    private Uuids() {
    }

    /** {@code value} as a UUID, or empty when it is null or not one. */
    public static Optional<UUID> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
