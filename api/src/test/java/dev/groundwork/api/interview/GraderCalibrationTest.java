package dev.groundwork.api.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.LocalEmbeddingModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibrates the offline grader on our own data ({@code interview/calibration.json}): ten questions over the seed
 * sources, each with a rubric of sentences quoted from its page and a strong, a partial and a wrong answer written in
 * a candidate's words. With the bundled embedding model and the default thresholds, the grader must order strong >
 * partial > wrong in at least 90 % of the 30 pairs, by coverage and by overall score. Prints the table.
 */
class GraderCalibrationTest {

    private static final double COVERED = Double.parseDouble(InterviewProperties.COVERED);
    private static final double PARTIAL = Double.parseDouble(InterviewProperties.PARTIAL);
    private static LocalEmbeddingModel model;

    @BeforeAll
    static void loadModel() {
        model = new LocalEmbeddingModel();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    record Row(String id, double[] coverage, double[] overall) {
    }

    @Test
    void ordersStrongOverPartialOverWrongInNineOfTenPairs() throws Exception {
        JsonNode questions;
        try (InputStream in = getClass().getResourceAsStream("/interview/calibration.json")) {
            questions = JsonMapper.builder().build().readTree(in).path("questions");
        }
        assertThat(questions.size()).isEqualTo(10);
        OfflineGrader grader = new OfflineGrader(model, COVERED, PARTIAL);
        List<Row> rows = new ArrayList<>();
        for (JsonNode q : questions) {
            List<String> rubric = new ArrayList<>();
            q.path("rubric").forEach(p -> rubric.add(p.asString()));
            assertThat(rubric).hasSizeBetween(3, 6);
            double[] coverage = new double[3];
            double[] overall = new double[3];
            String[] kinds = {"strong", "partial", "wrong"};
            for (int k = 0; k < 3; k++) {
                String answer = q.path("answers").path(kinds[k]).asString();
                List<Verdict> verdicts = grader.grade(rubric, answer).stream().map(OfflineGrader.Graded::verdict)
                        .toList();
                coverage[k] = verdicts.stream().mapToDouble(Verdict::credit).sum() / verdicts.size();
                overall[k] = Scoring.of(verdicts, answer, "offline").overall().score();
            }
            rows.add(new Row(q.path("id").asString(), coverage, overall));
        }
        int ordered = 0;
        int orderedOverall = 0;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| question | strong | partial | wrong | overall strong / partial / wrong | pairs in order |%n"
                        + "|---|---|---|---|---|---|%n"));
        for (Row row : rows) {
            int inOrder = pairs(row.coverage());
            ordered += inOrder;
            orderedOverall += pairs(row.overall());
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f / %.1f / %.1f | %d/3 |%n",
                    row.id(), row.coverage()[0], row.coverage()[1], row.coverage()[2], row.overall()[0],
                    row.overall()[1], row.overall()[2], inOrder));
        }
        table.append(String.format(Locale.ROOT, "coverage: %d/30 pairs in order (%.0f %%); overall score: %d/30 (%.0f %%)%n",
                ordered, 100.0 * ordered / 30, orderedOverall, 100.0 * orderedOverall / 30));
        System.out.println(table);
        assertThat(ordered).as("pairs ordered by coverage").isGreaterThanOrEqualTo(27);
        assertThat(orderedOverall).as("pairs ordered by overall score").isGreaterThanOrEqualTo(27);
    }

    /** Of (strong, partial), (partial, wrong), (strong, wrong): how many the grader puts strictly in order. */
    private static int pairs(double[] v) {
        return (v[0] > v[1] ? 1 : 0) + (v[1] > v[2] ? 1 : 0) + (v[0] > v[2] ? 1 : 0);
    }
}
