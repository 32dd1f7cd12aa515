package dev.groundwork.api.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes notes in Anki's text-import format: header lines ({@code #separator}, {@code #html:true}, {@code #columns},
 * {@code #guid column}, {@code #notetype column}, {@code #deck column}, {@code #tags column}), then one row per note:
 * GUID, note type, deck, the four fields as HTML, tags. Anki imports it with every note type and deck in place, and
 * {@link CsvReader} reads it back. Stateless.
 */
final class CsvWriter {

    private CsvWriter() {
    }

    static byte[] write(List<ApkgWriter.Note> notes, char separator) {
        String sep = String.valueOf(separator);
        StringBuilder out = new StringBuilder();
        out.append("#separator:").append(separator == '\t' ? "Tab" : separator == ',' ? "Comma" : sep).append('\n');
        out.append("#html:true\n");
        out.append("#columns:").append(String.join(sep, "GUID", "Notetype", "Deck", "Front", "Back", "Source",
                "Quote", "Tags")).append('\n');
        out.append("#guid column:1\n");
        out.append("#notetype column:2\n");
        out.append("#deck column:3\n");
        out.append("#tags column:8\n");
        for (ApkgWriter.Note note : notes) {
            StringBuilder row = new StringBuilder();
            row.append(Csv.field(note.guid(), separator)).append(separator);
            row.append(Csv.field(AnkiNoteTypes.name(note.type()), separator)).append(separator);
            row.append(Csv.field(note.deck(), separator));
            for (String field : note.fields()) {
                row.append(separator).append(Csv.field(field, separator));
            }
            row.append(separator).append(Csv.field(String.join(" ", note.tags()), separator));
            out.append(row).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
