package dev.groundwork.api.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text as Anki reads and writes it: RFC 4180 quoting (a field in double quotes may hold the separator, line
 * breaks and doubled quotes), any one-character separator. Stateless.
 */
final class Csv {

    private Csv() {
    }

    /** A record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The records of {@code text}, at most {@code max} non-blank ones; one more is read, so that a caller can tell a
     * text that has more.
     */
    static List<Record> parse(String text, char separator, int max) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int nonBlank = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                Record record = new Record(recordLine, List.copyOf(fields));
                if (!record.blank()) {
                    records.add(record);
                    if (++nonBlank > max) {
                        return records;
                    }
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            Record record = new Record(recordLine, List.copyOf(fields));
            if (!record.blank()) {
                records.add(record);
            }
        }
        return records;
    }

    /** How many times each candidate separator occurs outside quotes in {@code line}. */
    static int count(String line, char separator) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** A field quoted when it must be: it holds the separator, a quote or a line break, or starts with {@code #}. */
    static String field(String value, char separator) {
        String v = value == null ? "" : value;
        boolean quote = v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0 || v.startsWith("#") || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0))
                || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
