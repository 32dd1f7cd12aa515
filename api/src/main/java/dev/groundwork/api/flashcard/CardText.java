package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.Cloze;
import java.text.Normalizer;
import java.util.Locale;

/** How a card's content is compared: read out as one text, and normalised for exact de-duplication. Stateless. */
final class CardText {

    private CardText() {
    }

    /** Front and back on two lines, or the cloze text with its answers in place (and its extra). */
    static String content(CardType type, String front, String back, String text) {
        if (type == CardType.CLOZE) {
            String plain = Cloze.plain(text == null ? "" : text);
            return blank(back) ? plain : plain + "\n" + back.strip();
        }
        return (front == null ? "" : front.strip()) + "\n" + (back == null ? "" : back.strip());
    }

    /** Lower case, compatibility-normalised, only letters and digits separated by single spaces. */
    static String key(String content) {
        String folded = Normalizer.normalize(content, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
