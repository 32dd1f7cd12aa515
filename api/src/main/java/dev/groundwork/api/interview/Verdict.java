package dev.groundwork.api.interview;

import java.util.Locale;
import java.util.Optional;

/** How well an answer covers one rubric point. */
enum Verdict {
    COVERED, PARTIAL, MISSED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Verdict> of(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }

    /** Credit towards coverage: a whole point, half of one, or nothing. */
    double credit() {
        return switch (this) {
            case COVERED -> 1;
            case PARTIAL -> 0.5;
            case MISSED -> 0;
        };
    }
}
