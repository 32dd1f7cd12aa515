package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The note types an export defines — Basic, Basic (and reversed card) and Cloze, as Anki's stock ones plus the fields
 * Source and Quote shown on the answer side — as the legacy {@code col.models} JSON; and which card type a note type
 * read from a package or a CSV row stands for. Ids are fixed, so every export names the same note types. Stateless.
 */
final class AnkiNoteTypes {

    static final long BASIC_ID = 1_733_000_000_001L;
    static final long REVERSED_ID = 1_733_000_000_002L;
    static final long CLOZE_ID = 1_733_000_000_003L;

    static final String BASIC = "Basic";
    static final String REVERSED = "Basic (and reversed card)";
    static final String CLOZE = "Cloze";

    private static final String ANSWER_SOURCE = "\n\n{{#Quote}}<blockquote class=\"quote\">{{Quote}}</blockquote>"
            + "{{/Quote}}\n{{#Source}}<div class=\"source\">{{Source}}</div>{{/Source}}";
    private static final String CSS = ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n"
            + " color: black;\n background-color: white;\n}\n.cloze {\n font-weight: bold;\n color: blue;\n}\n"
            + ".quote, .source {\n font-size: 14px;\n text-align: left;\n}\n";

    private AnkiNoteTypes() {
    }

    static long id(CardType type) {
        return switch (type) {
            case BASIC -> BASIC_ID;
            case REVERSED -> REVERSED_ID;
            case CLOZE -> CLOZE_ID;
        };
    }

    static String name(CardType type) {
        return switch (type) {
            case BASIC -> BASIC;
            case REVERSED -> REVERSED;
            case CLOZE -> CLOZE;
        };
    }

    /** The fields of the type's notes, in order. */
    static List<String> fields(CardType type) {
        return type == CardType.CLOZE ? List.of("Text", "Back Extra", "Source", "Quote")
                : List.of("Front", "Back", "Source", "Quote");
    }

    /**
     * The card type a note type stands for: a cloze type is cloze; a standard type named like the reversed stock type,
     * or with two or more card templates, is reversed; any other standard type is basic. Empty for an unknown name
     * when nothing else is known (a CSV's note type column).
     */
    static Optional<CardType> cardType(String name, Integer ankiType, Integer templates) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if ((ankiType != null && ankiType == 1) || lower.startsWith("cloze")) {
            return Optional.of(CardType.CLOZE);
        }
        if (lower.contains("reversed") || (templates != null && templates >= 2)) {
            return Optional.of(CardType.REVERSED);
        }
        if (lower.startsWith("basic") || ankiType != null) {
            return Optional.of(CardType.BASIC);
        }
        return CardType.of(lower);
    }

    /** {@code col.models}: the three note types, keyed by id, their cards going to {@code deckId} by default. */
    static Map<String, Object> models(long deckId, long modSeconds) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (CardType type : CardType.values()) {
            models.put(String.valueOf(id(type)), model(type, deckId, modSeconds));
        }
        return models;
    }

    private static Map<String, Object> model(CardType type, long deckId, long modSeconds) {
        List<Map<String, Object>> fields = new ArrayList<>();
        List<String> names = fields(type);
        for (int i = 0; i < names.size(); i++) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", names.get(i));
            field.put("ord", i);
            field.put("sticky", false);
            field.put("rtl", false);
            field.put("font", "Arial");
            field.put("size", 20);
            field.put("media", List.of());
            fields.add(field);
        }
        List<Map<String, Object>> templates = new ArrayList<>();
        List<Object> req = new ArrayList<>();
        switch (type) {
            case BASIC -> {
                templates.add(template("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"));
                req.add(List.of(0, "any", List.of(0)));
            }
            case REVERSED -> {
                templates.add(template("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"));
                templates.add(template("Card 2", 1, "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"));
                req.add(List.of(0, "any", List.of(0)));
                req.add(List.of(1, "any", List.of(1)));
            }
            case CLOZE -> {
                templates.add(template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"));
                req.add(List.of(0, "any", List.of(0)));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id(type));
        model.put("name", name(type));
        model.put("type", type == CardType.CLOZE ? 1 : 0);
        model.put("mod", modSeconds);
        model.put("usn", -1);
        model.put("sortf", 0);
        model.put("did", deckId);
        model.put("tmpls", templates);
        model.put("flds", fields);
        model.put("css", CSS);
        model.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}"
                + "\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n"
                + "\\begin{document}\n");
        model.put("latexPost", "\\end{document}");
        model.put("latexsvg", false);
        model.put("req", req);
        model.put("tags", List.of());
        model.put("vers", List.of());
        return model;
    }

    private static Map<String, Object> template(String name, int ord, String question, String answer) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("ord", ord);
        template.put("qfmt", question);
        template.put("afmt", answer + ANSWER_SOURCE);
        template.put("bqfmt", "");
        template.put("bafmt", "");
        template.put("did", null);
        template.put("bfont", "");
        template.put("bsize", 0);
        return template;
    }

    /** One entry of {@code col.decks}. */
    static Map<String, Object> deck(long id, String name, long modSeconds) {
        Map<String, Object> deck = new LinkedHashMap<>();
        deck.put("id", id);
        deck.put("name", name);
        deck.put("mod", modSeconds);
        deck.put("usn", -1);
        deck.put("desc", "");
        deck.put("dyn", 0);
        deck.put("conf", 1);
        deck.put("collapsed", false);
        deck.put("browserCollapsed", false);
        deck.put("extendNew", 0);
        deck.put("extendRev", 0);
        deck.put("newToday", List.of(0, 0));
        deck.put("revToday", List.of(0, 0));
        deck.put("lrnToday", List.of(0, 0));
        deck.put("timeToday", List.of(0, 0));
        return deck;
    }

    /** {@code col.dconf}: Anki's default options group (id 1), FSRS-6's learning steps. */
    static Map<String, Object> deckOptions(long modSeconds) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("id", 1);
        options.put("name", "Default");
        options.put("mod", modSeconds);
        options.put("usn", -1);
        options.put("maxTaken", 60);
        options.put("autoplay", true);
        options.put("timer", 0);
        options.put("replayq", true);
        options.put("dyn", false);
        options.put("new", Map.of("bury", false, "delays", List.of(1.0, 10.0), "initialFactor", 2500,
                "ints", List.of(1, 4, 0), "order", 1, "perDay", 20));
        options.put("lapse", Map.of("delays", List.of(10.0), "leechAction", 1, "leechFails", 8, "minInt", 1,
                "mult", 0.0));
        options.put("rev", Map.of("bury", false, "ease4", 1.3, "ivlFct", 1.0, "maxIvl", 36500, "perDay", 200,
                "hardFactor", 1.2));
        return Map.of("1", options);
    }

    /** {@code col.conf}: the collection's settings, current deck and note type. */
    static Map<String, Object> collectionConfig() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("activeDecks", List.of(1));
        conf.put("curDeck", 1);
        conf.put("newSpread", 0);
        conf.put("collapseTime", 1200);
        conf.put("timeLim", 0);
        conf.put("estTimes", true);
        conf.put("dueCounts", true);
        conf.put("curModel", String.valueOf(BASIC_ID));
        conf.put("nextPos", 1);
        conf.put("sortType", "noteFld");
        conf.put("sortBackwards", false);
        conf.put("addToCur", true);
        conf.put("schedVer", 2);
        return conf;
    }
}
