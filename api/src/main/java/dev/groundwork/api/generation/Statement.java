package dev.groundwork.api.generation;

import java.util.List;

/**
 * Something a passage states that could be quoted: a sentence, a list item, a table row, or a lead-in sentence
 * together with the list it introduces. {@code text} is exactly {@code passage.substring(start, end)}, so it can be
 * quoted and located verbatim.
 *
 * @param kind       what it is
 * @param text       the quotable text, verbatim
 * @param start      offset in the passage's text
 * @param end        end offset (exclusive)
 * @param term       for a {@link Kind#TERM_DEFINITION}: the term (bold lead, first table cell, text before a dash or
 *                   colon); else {@code null}
 * @param definition for a {@link Kind#TERM_DEFINITION}: what the term is said to be; else {@code null}
 * @param leadIn     for a {@link Kind#LEAD_IN}: the introducing sentence (ending in a colon); else {@code null}
 * @param items      for a {@link Kind#LEAD_IN}: the texts of the list items it introduces
 * @param itemTerms  for a {@link Kind#LEAD_IN}: the term each item defines ("Consistency" of "Consistency - Every
 *                   read …"), or an empty string for an item that defines none
 * @param quality    whether it may be quoted, and if not why
 */
public record Statement(Kind kind, String text, int start, int end, String term, String definition, String leadIn,
        List<String> items, List<String> itemTerms, Quality quality) {

    public Statement {
        items = items == null ? List.of() : List.copyOf(items);
        itemTerms = itemTerms == null ? List.of() : List.copyOf(itemTerms);
    }

    /** The shapes a statement comes in. */
    public enum Kind {
        /** A sentence of prose, or a list item that reads as one. */
        SENTENCE,
        /** A sentence ending in a colon, with the list items that follow it. */
        LEAD_IN,
        /** A term and what it is: a list item "Term - definition", a bold lead, a two-column table row. */
        TERM_DEFINITION,
        /** A list item or table row that is neither a sentence nor a definition. */
        ITEM
    }

    /**
     * Whether a statement can stand alone as a quote. One filter serves extractive answers and generated cards: both
     * quote only {@link #OK} statements.
     */
    public enum Quality {
        OK,
        /** Code, or text made mostly of symbols. */
        CODE,
        /** Menus, footers, "Edit this page", cookie notices, pagers. */
        NAVIGATION,
        /** Text that is mostly link text or holds a URL: a "further reading" list. */
        LINK_LIST,
        /** A phrase without a sentence's shape: a label, a heading-like line, a list of terms. */
        LABEL,
        /** A sentence that leans on its neighbours: "This means…", "As shown above…", "However, …". */
        LEANS_ON_CONTEXT,
        /** A sentence ending in a colon whose list is not there. */
        LEAD_IN_WITHOUT_LIST,
        /** A piece of a sentence: starts in lower case, unbalanced brackets. */
        FRAGMENT,
        /** A question, not a statement. */
        QUESTION,
        /** Someone's opinion or testimony, not what the source teaches. */
        OPINION,
        TOO_SHORT,
        TOO_LONG
    }

    public boolean ok() {
        return quality == Quality.OK;
    }
}
