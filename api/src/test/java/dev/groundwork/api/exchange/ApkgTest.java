package dev.groundwork.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import dev.groundwork.api.review.fsrs.State;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Writing and reading Anki packages without the app: fields, decks, GUIDs, schedules, reviews and bad files. */
class ApkgTest {

    static final ApkgReader.Limits LIMITS = new ApkgReader.Limits(16 * 1024 * 1024, 100, 1000, 10_000);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static ApkgWriter.Note basic() {
        ItemState review = new ItemState(State.REVIEW, 0, 5.2, 4.1, T0.plusSeconds(5 * 86_400), T0, 5, 3, 0);
        ItemState before = new ItemState(State.LEARNING, 1, 2.3, 5.0, T0.minusSeconds(3600), T0.minusSeconds(4200), 0,
                2, 0);
        return new ApkgWriter.Note("gw-guid-1", CardType.BASIC, "Drill::Week 1",
                List.of(FieldHtml.of("What does SET do?"), FieldHtml.of("Stores a string\nunder a key."),
                        SourceField.of("https://redis.io/docs", "Redis docs", List.of("Strings"), null),
                        FieldHtml.of("SET stores a string value.")),
                List.of("groundwork::drill", "own-tag"), T0.minusSeconds(86_400), T0,
                List.of(new ApkgWriter.Item(1, false, review, List.of(new AnkiScheduling.Review(T0, Rating.GOOD, 4200,
                        before, review)))));
    }

    static ApkgWriter.Note cloze() {
        return new ApkgWriter.Note("gw-guid-2", CardType.CLOZE, "Drill::Week 2",
                List.of(FieldHtml.of("{{c1::LRU}} evicts the {{c2::least recently used}} key"), "", "", ""),
                List.of(), T0, T0, List.of(new ApkgWriter.Item(1, true, ItemState.NEW, List.of()),
                        new ApkgWriter.Item(2, true, ItemState.NEW, List.of())));
    }

    @Test
    void writesAPackageThatReadsBackNoteForNote() {
        byte[] apkg = ApkgWriter.write("Drill", List.of(basic(), cloze()), T0);
        List<ImportRow> rows = ApkgReader.read(apkg, LIMITS);

        assertThat(rows).hasSize(2);
        ImportRow first = rows.get(0);
        assertThat(first.card().type()).isEqualTo(CardType.BASIC);
        assertThat(first.card().front()).isEqualTo("What does SET do?");
        assertThat(first.card().back()).isEqualTo("Stores a string\nunder a key.");
        assertThat(first.card().guid()).isEqualTo("gw-guid-1");
        assertThat(first.card().tags()).containsExactly("own-tag");
        assertThat(first.topicTags()).containsExactly("groundwork::drill");
        assertThat(first.deck()).isEqualTo("Drill::Week 1");
        assertThat(first.card().source().url()).isEqualTo("https://redis.io/docs");
        assertThat(first.card().source().headingPath()).containsExactly("Strings");
        assertThat(first.card().source().quote()).isEqualTo("SET stores a string value.");
        assertThat(first.reviews().get(1)).containsExactly(new ImportRow.Review(T0, Rating.GOOD, 4200));
        ImportRow second = rows.get(1);
        assertThat(second.card().type()).isEqualTo(CardType.CLOZE);
        assertThat(second.card().text()).isEqualTo("{{c1::LRU}} evicts the {{c2::least recently used}} key");
        assertThat(second.card().back()).isNull();
        assertThat(second.card().source()).isNull();
        assertThat(second.card().suspended()).isTrue();
    }

    @Test
    void mapsSchedulesToAnkisColumns() {
        long crt = ApkgWriter.crt(List.of(basic()), T0);
        AnkiScheduling.CardColumns review = AnkiScheduling.card(basic().items().get(0).state(), false, 1, crt);
        assertThat(review.type()).isEqualTo(2);
        assertThat(review.queue()).isEqualTo(2);
        assertThat(review.ivl()).isEqualTo(5);
        assertThat(review.due()).isEqualTo(Math.floorDiv(T0.plusSeconds(5 * 86_400).getEpochSecond() - crt, 86_400));
        assertThat(review.data()).isEqualTo("{\"s\":5.2000,\"d\":4.1000}");
        assertThat(AnkiScheduling.card(ItemState.NEW, true, 7, crt)).extracting(c -> c.queue(), c -> c.due())
                .containsExactly(-1, 7L);
        AnkiScheduling.RevlogColumns log = AnkiScheduling.revlog(basic().items().get(0).reviews().get(0));
        assertThat(log.ease()).isEqualTo(3);
        assertThat(log.ivl()).isEqualTo(5);
        assertThat(log.lastIvl()).isEqualTo(-600);
        assertThat(log.type()).isZero();
    }

    @Test
    void refusesWhatIsNotAnAnkiPackage() throws IOException {
        assertProblem(() -> ApkgReader.read("PK\3\4 not really a zip".getBytes(StandardCharsets.ISO_8859_1), LIMITS),
                ProblemType.IMPORT_UNREADABLE);
        assertProblem(() -> ApkgReader.read(zip("readme.txt", "hello".getBytes()), LIMITS),
                ProblemType.IMPORT_UNREADABLE);
        assertProblem(() -> ApkgReader.read(zip("collection.anki2", "not sqlite at all".getBytes()), LIMITS),
                ProblemType.IMPORT_UNREADABLE);
        assertProblem(() -> ApkgReader.read(zip("collection.anki21b", new byte[] {1, 2, 3}), LIMITS),
                ProblemType.IMPORT_ANKI_TOO_NEW);
    }

    @Test
    void stopsAZipBombAtTheLimitWithoutTrustingDeclaredSizes() throws IOException {
        byte[] bomb = zip("collection.anki2", new byte[32 * 1024 * 1024]);   // zeros: 32 MB in a few KB
        assertThat(bomb.length).isLessThan(100_000);
        assertProblem(() -> ApkgReader.read(bomb, LIMITS), ProblemType.IMPORT_TOO_LARGE);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(many)) {
            for (int i = 0; i < 101; i++) {
                out.putNextEntry(new ZipEntry("m" + i));
                out.closeEntry();
            }
        }
        assertProblem(() -> ApkgReader.read(many.toByteArray(), LIMITS), ProblemType.IMPORT_TOO_LARGE);
    }

    @Test
    void refusesACollectionWhoseTablesAreViews() throws Exception {
        Path file = Files.createTempFile("view", ".anki2");
        try {
            Files.delete(file);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE col (models text, decks text)");
                sql.execute("CREATE TABLE cards (id integer)");
                sql.execute("CREATE TABLE revlog (id integer)");
                sql.execute("CREATE VIEW notes AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                        + " SELECT x AS id FROM n");
            }
            byte[] apkg = zip("collection.anki2", Files.readAllBytes(file));
            assertProblem(() -> ApkgReader.read(apkg, LIMITS), ProblemType.IMPORT_UNREADABLE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void writesAZipWithTheCollectionAndAnEmptyMediaMap() throws IOException {
        byte[] apkg = ApkgWriter.write("Drill", List.of(basic()), T0);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(apkg))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("collection.anki2");
            assertThat(new String(in.readNBytes(16), StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
            in.closeEntry();
            assertThat(in.getNextEntry().getName()).isEqualTo("media");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
        }
    }

    static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void assertProblem(Runnable read, ProblemType type) {
        assertThatThrownBy(read::run).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(type);
    }
}
