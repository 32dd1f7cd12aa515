package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.Cloze;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of card and the reviewable items each gives, as in Anki. */
public enum CardType {
    BASIC, REVERSED, CLOZE;

    /** The name the API uses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CardType> of(String label) {
        if (label == null) {
            return Optional.empty();
        }
        for (CardType type : values()) {
            if (type.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The items a card of this type schedules: one, two directions, or one per cloze number of {@code text}. */
    List<Card.Item> items(String text) {
        return switch (this) {
            case BASIC -> List.of(new Card.Item(1, "Front → back"));
            case REVERSED -> List.of(new Card.Item(1, "Front → back"), new Card.Item(2, "Back → front"));
            case CLOZE -> Cloze.numbers(text).stream().map(n -> new Card.Item(n, "Cloze " + n)).toList();
        };
    }
}
