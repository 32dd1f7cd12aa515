package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.review.fsrs.ItemState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an Anki package ({@code .apkg}): a zip of {@code collection.anki2} — Anki's legacy (schema 11) SQLite
 * collection, which every Anki version imports — and an empty {@code media} map. Notes keep their GUIDs, so importing
 * a later export into Anki updates them. Blocking (SQLite, a temporary file): call from the {@code jdbc} scheduler.
 */
final class ApkgWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Anki's schema 11, as its legacy exports create it. */
    static final String SCHEMA = """
            CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
              scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
              ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
              dconf text NOT NULL, tags text NOT NULL);
            CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
              mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
              sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
            CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
              ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
              queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
              reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
              odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
            CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
              ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
              time integer NOT NULL, type integer NOT NULL);
            CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
            CREATE INDEX ix_notes_usn ON notes (usn);
            CREATE INDEX ix_cards_usn ON cards (usn);
            CREATE INDEX ix_revlog_usn ON revlog (usn);
            CREATE INDEX ix_cards_nid ON cards (nid);
            CREATE INDEX ix_cards_sched ON cards (did, queue, due);
            CREATE INDEX ix_revlog_cid ON revlog (cid);
            CREATE INDEX ix_notes_csum ON notes (csum)
            """;

    private ApkgWriter() {
    }

    /**
     * A note to write.
     *
     * @param fields the note type's fields as HTML, in order ({@link AnkiNoteTypes#fields})
     * @param deck   the full deck name ({@code Roadmap::Topic})
     */
    record Note(String guid, CardType type, String deck, List<String> fields, List<String> tags, Instant created,
            Instant modified, List<Item> items) {
    }

    /** One reviewable side of a note (Anki's card): ordinal 1.., its schedule and its reviews, oldest first. */
    record Item(int ordinal, boolean suspended, ItemState state, List<AnkiScheduling.Review> reviews) {
    }

    /** The package's bytes. */
    static byte[] write(String rootDeck, List<Note> notes, Instant now) {
        Path file = null;
        try {
            file = Files.createTempFile("groundwork-export-", ".anki2");
            writeCollection(file, rootDeck, notes, now);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("collection.anki2"));
                Files.copy(file, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("media"));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static void writeCollection(Path file, String rootDeck, List<Note> notes, Instant now) {
        long crt = crt(notes, now);
        long nowSeconds = now.getEpochSecond();
        Map<String, Long> decks = new LinkedHashMap<>();
        decks.put(rootDeck, AnkiIds.deckId(rootDeck));
        for (Note note : notes) {
            String[] parts = note.deck().split("::");
            for (int i = 1; i <= parts.length; i++) {
                String name = String.join("::", List.of(parts).subList(0, i));
                decks.computeIfAbsent(name, AnkiIds::deckId);
            }
        }
        Map<String, Object> deckJson = new LinkedHashMap<>();
        deckJson.put("1", AnkiNoteTypes.deck(1, "Default", nowSeconds));
        decks.forEach((name, id) -> deckJson.put(String.valueOf(id), AnkiNoteTypes.deck(id, name, nowSeconds)));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement ddl = db.createStatement()) {
                for (String statement : SCHEMA.split(";")) {
                    ddl.execute(statement);
                }
            }
            db.setAutoCommit(false);
            try (PreparedStatement col = db.prepareStatement(
                    "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, crt);
                col.setLong(2, now.toEpochMilli());
                col.setLong(3, now.toEpochMilli());
                col.setString(4, JSON.writeValueAsString(AnkiNoteTypes.collectionConfig()));
                col.setString(5, JSON.writeValueAsString(AnkiNoteTypes.models(decks.get(rootDeck), nowSeconds)));
                col.setString(6, JSON.writeValueAsString(deckJson));
                col.setString(7, JSON.writeValueAsString(AnkiNoteTypes.deckOptions(nowSeconds)));
                col.executeUpdate();
            }
            writeNotes(db, notes, decks, crt);
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the Anki collection", e);
        }
    }

    private static void writeNotes(Connection db, List<Note> notes, Map<String, Long> decks, long crt)
            throws SQLException {
        UniqueIds noteIds = new UniqueIds();
        UniqueIds cardIds = new UniqueIds();
        UniqueIds revlogIds = new UniqueIds();
        int position = 0;
        try (PreparedStatement note = db.prepareStatement("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
                PreparedStatement card = db.prepareStatement(
                        "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)");
                PreparedStatement revlog = db.prepareStatement("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")) {
            for (Note n : notes) {
                long noteId = noteIds.next(n.created().toEpochMilli());
                String sortField = FieldHtml.text(n.fields().get(0)).text();
                note.setLong(1, noteId);
                note.setString(2, n.guid());
                note.setLong(3, AnkiNoteTypes.id(n.type()));
                note.setLong(4, n.modified().getEpochSecond());
                note.setString(5, n.tags().isEmpty() ? "" : " " + String.join(" ", n.tags()) + " ");
                note.setString(6, String.join("\u001f", n.fields()));
                note.setString(7, sortField);
                note.setLong(8, AnkiIds.checksum(sortField));
                note.executeUpdate();
                position++;
                for (Item item : n.items()) {
                    long cardId = cardIds.next(n.created().toEpochMilli());
                    AnkiScheduling.CardColumns c = AnkiScheduling.card(item.state(), item.suspended(), position, crt);
                    card.setLong(1, cardId);
                    card.setLong(2, noteId);
                    card.setLong(3, decks.get(n.deck()));
                    card.setInt(4, item.ordinal() - 1);
                    card.setLong(5, n.modified().getEpochSecond());
                    card.setInt(6, c.type());
                    card.setInt(7, c.queue());
                    card.setLong(8, c.due());
                    card.setInt(9, c.ivl());
                    card.setInt(10, c.factor());
                    card.setInt(11, c.reps());
                    card.setInt(12, c.lapses());
                    card.setInt(13, c.left());
                    card.setString(14, c.data());
                    card.executeUpdate();
                    for (AnkiScheduling.Review review : item.reviews()) {
                        AnkiScheduling.RevlogColumns r = AnkiScheduling.revlog(review);
                        revlog.setLong(1, revlogIds.next(review.reviewedAt().toEpochMilli()));
                        revlog.setLong(2, cardId);
                        revlog.setInt(3, r.ease());
                        revlog.setInt(4, r.ivl());
                        revlog.setInt(5, r.lastIvl());
                        revlog.setInt(6, r.factor());
                        revlog.setInt(7, r.time());
                        revlog.setInt(8, r.type());
                        revlog.executeUpdate();
                    }
                }
            }
        }
    }

    /** The collection's creation: 04:00 UTC (Anki's day start) of the earliest day any time in it falls on. */
    static long crt(List<Note> notes, Instant now) {
        Instant earliest = now;
        List<Instant> times = new ArrayList<>();
        for (Note note : notes) {
            times.add(note.created());
            for (Item item : note.items()) {
                times.add(item.state().due());
                times.add(item.state().lastReview());
                item.reviews().forEach(r -> times.add(r.reviewedAt()));
            }
        }
        for (Instant t : times) {
            if (t != null && t.isBefore(earliest)) {
                earliest = t;
            }
        }
        Instant dayStart = earliest.atZone(ZoneOffset.UTC).toLocalDate().atTime(LocalTime.of(4, 0))
                .toInstant(ZoneOffset.UTC);
        return (dayStart.isAfter(earliest) ? dayStart.minusSeconds(86_400) : dayStart).getEpochSecond();
    }

    /** Ids as Anki makes them (epoch milliseconds), moved on by a millisecond when one is taken. */
    private static final class UniqueIds {
        private final Set<Long> used = new HashSet<>();

        long next(long wanted) {
            long id = wanted;
            while (!used.add(id)) {
                id++;
            }
            return id;
        }
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException notDeleted) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
