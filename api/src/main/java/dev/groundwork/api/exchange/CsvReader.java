package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a CSV or TSV file as Anki's text import does. Anki's header lines are honoured — {@code #separator:},
 * {@code #html:}, {@code #columns:}, {@code #notetype:}, {@code #deck:}, {@code #tags:} and the {@code #… column:}
 * lines for the GUID, note type, deck and tags; the remaining columns are the note's fields in order (Front, Back,
 * Source, Quote; or Text, Back Extra, Source, Quote). Without header lines the columns are front, back and optional
 * tags, the separator is sniffed (tab, semicolon or comma) and a first row naming the columns is skipped. File-level
 * problems (not UTF-8 text, too many rows, wrong columns) are thrown; a bad row is a failed {@link ImportRow}.
 * Stateless.
 */
final class CsvReader {

    private static final Set<String> HEADER_NAMES = Set.of("front", "back", "tags", "question", "answer");

    private CsvReader() {
    }

    /** The header lines read so far. */
    private static final class Header {
        Character separator;
        RowReader.Markup markup = RowReader.Markup.SNIFF;
        List<String> columns;
        String notetype;
        String deck;
        String tags;
        Integer notetypeColumn;
        Integer deckColumn;
        Integer tagsColumn;
        Integer guidColumn;
        boolean any;
    }

    static List<ImportRow> read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        Header header = new Header();
        int offset = 0;
        int lines = 0;
        while (offset < text.length() && text.charAt(offset) == '#') {
            int end = text.indexOf('\n', offset);
            String line = (end < 0 ? text.substring(offset) : text.substring(offset, end)).replace("\r", "");
            header(line.substring(1), header);
            lines++;
            offset = end < 0 ? text.length() : end + 1;
        }
        String data = text.substring(offset);
        char separator = header.separator != null ? header.separator : sniff(data);
        List<Csv.Record> records = Csv.parse(data, separator, maxRows + 1);
        if (!header.any && !records.isEmpty() && isNamesRow(records.get(0))) {
            records = records.subList(1, records.size());
        }
        if (records.size() > maxRows) {
            throw ImportProblems.tooLarge("The file has more than " + maxRows + " rows; at most " + maxRows
                    + " can be imported at once. Split it into smaller files.");
        }
        if (records.isEmpty()) {
            throw ImportProblems.unreadable("The file has no rows to import.");
        }
        Layout layout = layout(header, records.get(0));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(row(i + 1, records.get(i), layout, header));
        }
        return rows;
    }

    /** Strict UTF-8 (a byte-order mark is dropped); anything else is not a text file we read. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw ImportProblems.unreadable("The file is neither an Anki package (.apkg) nor a CSV or TSV text"
                        + " file.");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw ImportProblems.unreadable("The file is neither an Anki package (.apkg) nor a CSV or TSV text file"
                    + " in UTF-8.");
        }
    }

    private static void header(String line, Header header) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1);
        String trimmed = value.strip();
        header.any = true;
        switch (key) {
            case "separator" -> header.separator = separator(value);
            case "html" -> header.markup = trimmed.equalsIgnoreCase("true") ? RowReader.Markup.HTML
                    : RowReader.Markup.TEXT;
            case "columns" -> header.columns = List.of(value);   // split once the separator is known
            case "notetype" -> header.notetype = trimmed;
            case "deck" -> header.deck = trimmed;
            case "tags" -> header.tags = trimmed;
            case "notetype column" -> header.notetypeColumn = column(trimmed);
            case "deck column" -> header.deckColumn = column(trimmed);
            case "tags column" -> header.tagsColumn = column(trimmed);
            case "guid column" -> header.guidColumn = column(trimmed);
            default -> {
                // Anki's other headers (if matches, …) do not apply here
            }
        }
    }

    private static Character separator(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "tab" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "space" -> ' ';
            case "pipe" -> '|';
            case "colon" -> ':';
            default -> value.length() == 1 ? value.charAt(0)
                    : value.strip().length() == 1 ? value.strip().charAt(0) : null;
        };
    }

    private static Integer column(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw ImportProblems.badColumns("Column numbers in the header lines start at 1, not " + n + ".");
            }
            return n - 1;
        } catch (NumberFormatException notANumber) {
            throw ImportProblems.badColumns("\"" + value + "\" is not a column number.");
        }
    }

    /** The separator a header-less file uses: the most frequent of tab, semicolon and comma on its first line. */
    private static char sniff(String data) {
        int end = data.indexOf('\n');
        String first = end < 0 ? data : data.substring(0, end);
        char best = '\t';
        int most = 0;
        for (char candidate : new char[] {'\t', ';', ','}) {
            int n = Csv.count(first, candidate);
            if (n > most) {
                most = n;
                best = candidate;
            }
        }
        return best;
    }

    private static boolean isNamesRow(Csv.Record record) {
        List<String> fields = record.fields();
        return fields.size() >= 2 && fields.size() <= 3
                && fields.stream().allMatch(f -> HEADER_NAMES.contains(f.strip().toLowerCase(Locale.ROOT)));
    }

    /** Which column holds what. Field columns are in order; a column of {@code -1} is absent. */
    private record Layout(List<Integer> fieldColumns, Map<String, Integer> fieldNames, int columns) {
    }

    private static Layout layout(Header header, Csv.Record first) {
        int width = first.fields().size();
        if (!header.any) {
            if (width < 2 || width > 3) {
                throw ImportProblems.badColumns("Expected 2 or 3 columns (front, back and optional tags), but the"
                        + " first row has " + width + ". For other layouts, start the file with Anki's header lines"
                        + " (#separator:, #columns:, #notetype column:, …).");
            }
            if (width == 3) {
                header.tagsColumn = 2;
            }
            return new Layout(List.of(0, 1), Map.of(), width);
        }
        List<String> named = List.of();
        if (header.columns != null) {
            char separator = header.separator == null ? sniff(header.columns.get(0)) : header.separator;
            named = Csv.parse(header.columns.get(0), separator, 1).stream().findFirst()
                    .map(r -> r.fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList())
                    .orElse(List.of());
            header.notetypeColumn = named(header.notetypeColumn, named, "notetype", "note type");
            header.deckColumn = named(header.deckColumn, named, "deck");
            header.tagsColumn = named(header.tagsColumn, named, "tags");
            header.guidColumn = named(header.guidColumn, named, "guid");
        }
        List<Integer> meta = new ArrayList<>();
        for (Integer c : new Integer[] {header.notetypeColumn, header.deckColumn, header.tagsColumn,
                header.guidColumn}) {
            if (c != null) {
                if (c >= width) {
                    throw ImportProblems.badColumns("The header lines name column " + (c + 1) + ", but the first row"
                            + " has " + width + " columns.");
                }
                meta.add(c);
            }
        }
        List<Integer> fields = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (!meta.contains(c)) {
                fields.add(c);
            }
        }
        if (fields.isEmpty()) {
            throw ImportProblems.badColumns("The file has no column for the cards' text.");
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            int column = fields.get(i);
            if (column < named.size()) {
                names.put(named.get(column), i);
            }
        }
        return new Layout(List.copyOf(fields), names, width);
    }

    private static Integer named(Integer given, List<String> names, String... wanted) {
        if (given != null) {
            return given;
        }
        for (String name : wanted) {
            int at = names.indexOf(name);
            if (at >= 0) {
                return at;
            }
        }
        return null;
    }

    private static ImportRow row(int row, Csv.Record record, Layout layout, Header header) {
        List<String> values = new ArrayList<>(record.fields());
        while (values.size() < layout.columns()) {
            values.add("");   // as Anki: missing trailing columns are empty
        }
        String notetype = header.notetypeColumn != null ? values.get(header.notetypeColumn) : header.notetype;
        Optional<CardType> type = notetype == null || notetype.isBlank() ? Optional.of(CardType.BASIC)
                : AnkiNoteTypes.cardType(notetype, null, null);
        if (type.isEmpty()) {
            return ImportRow.failed(row, "Unknown note type \"" + notetype.strip() + "\": use Basic, Basic (and"
                    + " reversed card) or Cloze.");
        }
        List<String> fields = layout.fieldColumns().stream().map(values::get).toList();
        String first = field(fields, layout, type.get() == CardType.CLOZE ? "text" : "front", 0);
        String second = field(fields, layout, type.get() == CardType.CLOZE ? "back extra" : "back", 1);
        if (second == null && type.get() == CardType.CLOZE) {
            second = field(fields, layout, "extra", -1);
        }
        String source = field(fields, layout, "source", 2);
        String quote = field(fields, layout, "quote", 3);
        String deck = header.deckColumn != null ? values.get(header.deckColumn) : header.deck;
        String tags = (header.tags == null ? "" : header.tags) + " "
                + (header.tagsColumn != null ? values.get(header.tagsColumn) : "");
        String guid = header.guidColumn != null ? values.get(header.guidColumn) : null;
        if (type.get() != CardType.CLOZE && (second == null || second.isBlank())) {
            return ImportRow.failed(row, "Line " + record.line() + " has no back.");
        }
        return RowReader.read(row, type.get(), new RowReader.Fields(first, second, source, quote, header.markup), deck,
                tags, guid, false, Map.of());
    }

    /** The field named {@code name} in the header's column names, else the one at {@code position}. */
    private static String field(List<String> fields, Layout layout, String name, int position) {
        Integer named = layout.fieldNames().get(name);
        if (named != null) {
            return fields.get(named);
        }
        if (!layout.fieldNames().isEmpty() && position >= 2) {
            return null;   // named columns without this one
        }
        return position >= 0 && position < fields.size() ? fields.get(position) : null;
    }
}
