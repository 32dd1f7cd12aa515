package dev.groundwork.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<ImportRow> read(String text) {
        return CsvReader.read(text.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    void readsFrontBackAndTagsWithASniffedSeparator() {
        List<ImportRow> rows = read("front;back;tags\nWhat is Redis?;An in-memory store;db cache\n"
                + "\"Semi; colon\";\"Quoted \"\"back\"\"\nover two lines\"\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).card().front()).isEqualTo("What is Redis?");
        assertThat(rows.get(0).card().tags()).containsExactly("db", "cache");
        assertThat(rows.get(1).card().front()).isEqualTo("Semi; colon");
        assertThat(rows.get(1).card().back()).isEqualTo("Quoted \"back\"\nover two lines");
        assertThat(read("Q1\tA1\nQ2\tA2\n")).extracting(r -> r.card().back()).containsExactly("A1", "A2");
    }

    @Test
    void honoursAnkisHeaderLines() {
        List<ImportRow> rows = read("""
                #separator:Pipe
                #html:true
                #guid column:1
                #notetype column:2
                #deck column:3
                #tags column:6
                g1|Basic (and reversed card)|Drill::Week 1|LRU|Evicts the <b>least</b> recently used<br>key|t1
                g2|Cloze|Drill|{{c1::Redis}} is fast||t2 groundwork::drill::week-1
                """);
        assertThat(rows.get(0).card().type()).isEqualTo(CardType.REVERSED);
        assertThat(rows.get(0).card().guid()).isEqualTo("g1");
        assertThat(rows.get(0).card().back()).isEqualTo("Evicts the least recently used\nkey");
        assertThat(rows.get(0).deck()).isEqualTo("Drill::Week 1");
        assertThat(rows.get(1).card().type()).isEqualTo(CardType.CLOZE);
        assertThat(rows.get(1).card().text()).isEqualTo("{{c1::Redis}} is fast");
        assertThat(rows.get(1).card().front()).isNull();
        assertThat(rows.get(1).card().tags()).containsExactly("t2");
        assertThat(rows.get(1).topicTags()).containsExactly("groundwork::drill::week-1");
    }

    @Test
    void sanitisesHtmlWithScriptsAndSaysSoForTheRow() {
        List<ImportRow> rows = read("Q<script>alert(1)</script>,<img src=x onerror=alert(1)>A\n");
        assertThat(rows.get(0).card().front()).isEqualTo("Q");
        assertThat(rows.get(0).card().back()).isEqualTo("A");
        assertThat(rows.get(0).notice()).contains("Unsafe HTML");
    }

    @Test
    void refusesWrongColumnsAndTooManyRows() {
        assertThatThrownBy(() -> read("just one column\nanother\n")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.IMPORT_BAD_COLUMNS);
        assertThatThrownBy(() -> read("a,b,c,d\n")).extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.IMPORT_BAD_COLUMNS);
        assertThatThrownBy(() -> read("q,a\n".repeat(101))).extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.IMPORT_TOO_LARGE);
        assertThatThrownBy(() -> CsvReader.read(new byte[] {(byte) 0xC3, 0x28, 0x2C, 0x41}, 10))
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.IMPORT_UNREADABLE);
    }

    @Test
    void aRowWithoutABackFailsAlone() {
        List<ImportRow> rows = read("q1,a1\nq2,\nq3,a3\n");
        assertThat(rows).extracting(ImportRow::failure).containsExactly(null, "Line 2 has no back.", null);
    }
}
