package dev.groundwork.api.flashcard;

/**
 * A card about to be stored: its content, where it came from and the passage it came from.
 *
 * @param anchor      the passage, or {@code null} (a manual card without a source)
 * @param originKind  {@code generated}, {@code manual}, {@code imported} or {@code interview}
 * @param originModel the model that wrote it, {@code null} offline or by hand
 * @param anchorOwner the document or topic the anchor's chunk belongs to, {@code null} without anchor
 */
record CardDraft(CardType type, String front, String back, String text, String originKind, String originModel,
        Card.Anchor anchor, AnchorOwner anchorOwner) {

    /** The owner of an anchored chunk: a fetched document, or a topic's own text. */
    record AnchorOwner(String documentId, String topicId) {
    }

    /** The text that identifies the card for de-duplication and embedding: front and back, or the cloze read out. */
    String content() {
        return CardText.content(type, front, back, text);
    }
}
