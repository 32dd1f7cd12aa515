package dev.groundwork.api.flashcard;

import java.util.List;

/**
 * A card read from another app's file (an Anki package, a CSV), its text already reduced to safe plain text.
 *
 * @param type      basic, reversed or cloze
 * @param front     the front (basic, reversed), else {@code null}
 * @param back      the back, or a cloze's optional extra
 * @param text      a cloze's text with its deletions, else {@code null}
 * @param source    where the card says it came from, or {@code null}
 * @param guid      the Anki note GUID to keep, or {@code null}
 * @param tags      the card's own tags
 * @param suspended whether it was suspended there
 */
public record ImportedCard(CardType type, String front, String back, String text, Source source, String guid,
        List<String> tags, boolean suspended) {

    public ImportedCard {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The passage a card names as its source. Stored as the card's anchor; when a stored chunk at {@code url} holds
     * the quote the anchor points at it, else it keeps these values without a chunk.
     *
     * @param url         the document's URL
     * @param title       its title
     * @param headingPath headings above the passage, outermost first
     * @param page        PDF page, else {@code null}
     * @param quote       the sentence(s) quoted, possibly empty
     */
    public record Source(String url, String title, List<String> headingPath, Integer page, String quote) {

        public Source {
            headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        }
    }

    /** The text that identifies the card: front and back, or the cloze read out (what de-duplication compares). */
    public String content() {
        return CardText.content(type, front, back, text);
    }
}
