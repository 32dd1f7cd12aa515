package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.review.fsrs.Rating;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Anki package ({@code .apkg}, or a {@code .colpkg} backup) — its collection unpacked with bounds by
 * {@link PackageZip} — or a bare collection file. The collection, Anki's legacy SQLite schema, is opened read-only and
 * must have Anki's tables as plain tables; its notes become {@link ImportRow}s with their deck, tags, GUID, suspension
 * and review log. Every problem is thrown before anything is stored.
 * Blocking (files, SQLite): call from the {@code jdbc} scheduler.
 */
final class ApkgReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> TABLES = Set.of("col", "notes", "cards");

    /** Bounds on what a package may make us read. */
    record Limits(long maxUncompressedBytes, int maxEntries, int maxNotes, int maxReviews) {
    }

    private ApkgReader() {
    }

    /** Whether the bytes start like an SQLite database (a bare collection file). */
    static boolean isSqlite(byte[] bytes) {
        return bytes.length >= SQLITE.length && Arrays.equals(Arrays.copyOf(bytes, SQLITE.length), SQLITE);
    }

    static List<ImportRow> read(byte[] bytes, Limits limits) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("groundwork-import-");
            Path collection = dir.resolve("collection.sqlite");
            if (isSqlite(bytes)) {
                Files.write(collection, bytes);
            } else {
                Path zip = dir.resolve("upload.zip");
                Files.write(zip, bytes);
                PackageZip.extractCollection(zip, collection, limits);
            }
            return readCollection(collection, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static List<ImportRow> readCollection(Path file, Limits limits) throws IOException {
        byte[] head = new byte[SQLITE.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length || !Arrays.equals(head, SQLITE)) {
                throw ImportProblems.unreadable("The package's collection is not an SQLite database: it is not an"
                        + " Anki package.");
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties())) {
            requireTables(db);
            return notes(db, limits);
        } catch (SQLException damaged) {
            throw ImportProblems.unreadable("The package's collection cannot be read as an Anki collection (the"
                    + " database is damaged or of another kind).");
        }
    }

    /** Anki's tables must be there as plain tables: a view or virtual table could make reading it run forever. */
    private static void requireTables(Connection db) throws SQLException {
        Set<String> found = new HashSet<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT name, type, coalesce(sql, '') FROM sqlite_master WHERE name IN ('col', 'notes', 'cards', 'revlog')")) {
            while (rs.next()) {
                if (!"table".equals(rs.getString(2))
                        || rs.getString(3).strip().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) {
                    throw ImportProblems.unreadable("The package's collection is not an Anki collection: \""
                            + rs.getString(1) + "\" is not a plain table.");
                }
                found.add(rs.getString(1));
            }
        }
        if (!found.containsAll(TABLES)) {
            throw ImportProblems.unreadable("The package's database is not an Anki collection: it has no notes,"
                    + " cards and col tables.");
        }
        if (!found.contains("revlog")) {
            throw ImportProblems.unreadable("The package's database is not an Anki collection: it has no revlog table.");
        }
    }

    private record NoteType(String name, int type, int templates, List<String> fields) {
    }

    private record CardRow(long id, int ord, long deckId, int queue) {
    }

    private static List<ImportRow> notes(Connection db, Limits limits) throws SQLException {
        JsonNode models;
        JsonNode decks;
        try (ResultSet rs = db.createStatement().executeQuery("SELECT models, decks FROM col LIMIT 1")) {
            if (!rs.next()) {
                throw ImportProblems.unreadable("The package's collection has no settings row (col).");
            }
            models = json(rs.getString(1));
            decks = json(rs.getString(2));
        }
        Map<Long, NoteType> types = noteTypes(models);
        Map<Long, String> deckNames = new HashMap<>();
        decks.properties().forEach(entry -> {
            JsonNode deck = entry.getValue();
            deckNames.put(deck.path("id").asLong(parseLong(entry.getKey())), deck.path("name").asString(""));
        });
        long noteCount = count(db, "notes");
        if (noteCount > limits.maxNotes()) {
            throw ImportProblems.tooLarge("The package has " + noteCount + " notes; at most " + limits.maxNotes()
                    + " can be imported at once.");
        }
        long reviewCount = count(db, "revlog");
        if (reviewCount > limits.maxReviews()) {
            throw ImportProblems.tooLarge("The package's review log has " + reviewCount + " rows; at most "
                    + limits.maxReviews() + " are imported.");
        }
        Map<Long, List<ImportRow.Review>> reviews = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT cid, id, ease, time, type FROM revlog ORDER BY id")) {
            while (rs.next()) {
                Rating rating = AnkiScheduling.importable(rs.getInt(3), rs.getInt(5));
                if (rating != null) {
                    int time = rs.getInt(4);
                    reviews.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ImportRow.Review(
                            Instant.ofEpochMilli(rs.getLong(2)), rating, time > 0 ? time : null));
                }
            }
        }
        Map<Long, List<CardRow>> cards = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT nid, id, ord, did, queue FROM cards ORDER BY nid, ord")) {
            while (rs.next()) {
                cards.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new CardRow(rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getInt(5)));
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id");
                ResultSet rs = select.executeQuery()) {
            int row = 0;
            while (rs.next()) {
                row++;
                rows.add(note(row, rs.getString(2), types.get(rs.getLong(3)), rs.getString(4), rs.getString(5),
                        cards.getOrDefault(rs.getLong(1), List.of()), deckNames, reviews));
            }
        }
        return rows;
    }

    private static ImportRow note(int row, String guid, NoteType type, String tags, String flds, List<CardRow> cards,
            Map<Long, String> deckNames, Map<Long, List<ImportRow.Review>> reviews) {
        if (type == null) {
            return ImportRow.failed(row, "The note's note type is missing from the package.");
        }
        if (type.name().toLowerCase(Locale.ROOT).contains("image occlusion")) {
            return ImportRow.failed(row, "Image Occlusion notes are not imported: they are images.");
        }
        CardType cardType = AnkiNoteTypes.cardType(type.name(), type.type(), type.templates()).orElseThrow();
        String[] values = (flds == null ? "" : flds).split("\u001f", -1);
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size() && i < values.length; i++) {
            byName.putIfAbsent(type.fields().get(i).toLowerCase(Locale.ROOT), values[i]);
        }
        List<String> content = new ArrayList<>();
        for (int i = 0; i < values.length && i < type.fields().size(); i++) {
            String name = type.fields().get(i).toLowerCase(Locale.ROOT);
            if (!name.equals("source") && !name.equals("quote")) {
                content.add(values[i]);
            }
        }
        String first = firstOf(byName, cardType == CardType.CLOZE ? List.of("text") : List.of("front"), content, 0);
        String second = firstOf(byName, cardType == CardType.CLOZE ? List.of("back extra", "extra")
                : List.of("back"), content, 1);
        if (cardType != CardType.CLOZE && (second == null || content.size() < 2)) {
            return ImportRow.failed(row, "The note type \"" + type.name() + "\" has no second field for a back.");
        }
        String deck = cards.isEmpty() ? null : deckNames.get(cards.get(0).deckId());
        boolean suspended = !cards.isEmpty() && cards.stream().allMatch(c -> c.queue() == -1);
        Map<Integer, List<ImportRow.Review>> history = new LinkedHashMap<>();
        for (CardRow card : cards) {
            List<ImportRow.Review> log = reviews.get(card.id());
            if (log != null && !log.isEmpty()) {
                history.put(card.ord() + 1, List.copyOf(log));
            }
        }
        return RowReader.read(row, cardType, new RowReader.Fields(first, second, byName.get("source"),
                byName.get("quote"), RowReader.Markup.HTML), deck, tags, guid, suspended, history);
    }

    private static String firstOf(Map<String, String> byName, List<String> names, List<String> content, int position) {
        for (String name : names) {
            if (byName.containsKey(name)) {
                return byName.get(name);
            }
        }
        return position < content.size() ? content.get(position) : null;
    }

    private static Map<Long, NoteType> noteTypes(JsonNode models) {
        Map<Long, NoteType> types = new HashMap<>();
        models.properties().forEach(entry -> {
            JsonNode model = entry.getValue();
            List<JsonNode> fields = new ArrayList<>();
            model.path("flds").forEach(fields::add);
            fields.sort((a, b) -> Integer.compare(a.path("ord").asInt(0), b.path("ord").asInt(0)));
            types.put(model.path("id").asLong(parseLong(entry.getKey())), new NoteType(model.path("name").asString(""),
                    model.path("type").asInt(0), model.path("tmpls").size(),
                    fields.stream().map(f -> f.path("name").asString("")).toList()));
        });
        return types;
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text == null ? "{}" : text);
            if (!node.isObject()) {
                throw ImportProblems.unreadable("The package's collection settings are not valid.");
            }
            return node;
        } catch (JacksonException notJson) {
            throw ImportProblems.unreadable("The package's collection settings are not valid JSON.");
        }
    }

    private static long count(Connection db, String table) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(ApkgWriter::delete);
        } catch (IOException ignored) {
            // best effort: the directory is in the temporary folder
        }
        ApkgWriter.delete(dir);
    }
}
