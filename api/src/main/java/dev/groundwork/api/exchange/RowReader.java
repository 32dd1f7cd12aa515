package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.flashcard.ImportedCard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the fields of one Anki note or text row into an {@link ImportRow}: HTML reduced to safe plain text (saying
 * what was dropped), the Source and Quote fields read back into a source, Groundwork's own tags set apart from the
 * card's tags. Stateless.
 */
final class RowReader {

    /** The prefix of the tags an export adds: {@code groundwork::<roadmap>} and {@code groundwork::<roadmap>::<topic>}. */
    static final String TAG_PREFIX = "groundwork::";

    private RowReader() {
    }

    /**
     * The fields of a note, by role.
     *
     * @param first  front, or a cloze's text
     * @param second back, or a cloze's extra
     * @param markup whether the values are HTML (Anki fields), plain text, or to be told apart field by field
     */
    record Fields(String first, String second, String source, String quote, Markup markup) {
    }

    /** How field values are written. */
    enum Markup {
        HTML, TEXT, SNIFF
    }

    static ImportRow read(int row, CardType type, Fields fields, String deck, String tags, String guid,
            boolean suspended, Map<Integer, List<ImportRow.Review>> reviews) {
        Sanitised first = text(fields.first(), fields.markup());
        Sanitised second = text(fields.second(), fields.markup());
        Sanitised quote = text(fields.quote(), fields.markup());
        Sanitised sourceText = text(fields.source(), fields.markup());
        boolean unsafe = first.unsafe || second.unsafe || quote.unsafe || sourceText.unsafe;
        boolean media = first.media || second.media;
        String notice = unsafe ? "Unsafe HTML (scripts, styles or event handlers) was removed."
                : media ? "Images and sounds were left out: only text is imported." : null;
        if (first.text.isBlank()) {
            return ImportRow.failed(row, media
                    ? "The " + (type == CardType.CLOZE ? "text" : "front") + " is empty without its images or sounds,"
                    + " which are not imported."
                    : "The " + (type == CardType.CLOZE ? "text" : "front") + " is empty.");
        }
        ImportedCard.Source source = fields.source() == null || fields.source().isBlank()
                ? SourceField.parse(null, quote.text)
                : SourceField.parse(isHtml(fields.source(), fields.markup()) ? fields.source()
                        : FieldHtml.of(fields.source()), quote.text);
        List<String> own = new ArrayList<>();
        List<String> system = new ArrayList<>();
        for (String tag : splitTags(tags)) {
            (tag.toLowerCase(Locale.ROOT).startsWith(TAG_PREFIX) ? system : own).add(tag);
        }
        String back = second.text.isBlank() ? null : second.text;
        ImportedCard card = type == CardType.CLOZE
                ? new ImportedCard(type, null, back, first.text, source, blankToNull(guid), own, suspended)
                : new ImportedCard(type, first.text, second.text, null, source, blankToNull(guid), own, suspended);
        return new ImportRow(row, card, null, notice, blankToNull(deck), system, reviews == null ? Map.of() : reviews);
    }

    /** Tags as Anki separates them (by spaces), each once, in order. */
    static List<String> splitTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(List.of(tags.strip().split("\\s+"))));
    }

    private record Sanitised(String text, boolean unsafe, boolean media) {
    }

    private static boolean isHtml(String value, Markup markup) {
        return markup == Markup.HTML || (markup == Markup.SNIFF && FieldHtml.looksLikeHtml(value));
    }

    private static Sanitised text(String value, Markup markup) {
        if (value == null) {
            return new Sanitised("", false, false);
        }
        if (!isHtml(value, markup)) {
            return new Sanitised(value.replace("\r\n", "\n").replace('\r', '\n').strip(), false, false);
        }
        FieldHtml.Text text = FieldHtml.text(value);
        return new Sanitised(text.text(), text.unsafeRemoved(), text.mediaRemoved());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
