package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Acceptance measure of the HTML extractor: for every mirrored page with a truth text, recall (share of the truth's
 * words kept) and precision (share of the output's words that are truth), both over word multisets.
 */
class ExtractionQualityTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int WORST = 10;

    private final Extractor extractor = new Extractor();

    record Score(String url, int truthWords, int outputWords, double recall, double precision) {
        double f1() {
            return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        }
    }

    @Test
    void keepsTheArticleAndDropsTheSiteShellOnEveryMirroredPage() throws Exception {
        List<Corpus.TruthPage> pages = Corpus.truthPages();
        assertThat(pages).as("mirrored pages with a truth file").hasSizeGreaterThanOrEqualTo(180);

        long started = System.nanoTime();
        List<Score> scores = new ArrayList<>();
        for (Corpus.TruthPage page : pages) {
            scores.add(score(page));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        double recall = scores.stream().mapToDouble(Score::recall).average().orElse(0);
        double precision = scores.stream().mapToDouble(Score::precision).average().orElse(0);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%-100s %7s %9s%n", "page", "recall", "precision"));
        for (Score s : scores) {
            report.append(line(s));
        }
        report.append(String.format(Locale.ROOT, "%nworst %d (by F1):%n", WORST));
        scores.stream().sorted(Comparator.comparingDouble(Score::f1)).limit(WORST)
                .forEach(s -> report.append(line(s)));
        report.append(String.format(Locale.ROOT, "%n%d pages in %d ms: average recall %.4f, average precision %.4f%n",
                scores.size(), millis, recall, precision));
        System.out.println(report);

        assertThat(recall).as("average recall").isGreaterThanOrEqualTo(0.95);
        assertThat(precision).as("average precision").isGreaterThanOrEqualTo(0.95);
    }

    private Score score(Corpus.TruthPage page) throws IOException, ExtractionFailed {
        String truth = Files.readString(page.truth(), StandardCharsets.UTF_8);
        ExtractedDocument doc = extractor.extract(page.url(), "text/html", null, Files.readAllBytes(page.html()));
        Map<String, Integer> expected = words(truth);
        Map<String, Integer> actual = words(doc.text());
        int truthWords = total(expected);
        int outputWords = total(actual);
        int common = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            common += Math.min(e.getValue(), actual.getOrDefault(e.getKey(), 0));
        }
        double recall = truthWords == 0 ? 1 : (double) common / truthWords;
        double precision = outputWords == 0 ? 0 : (double) common / outputWords;
        return new Score(page.url(), truthWords, outputWords, recall, precision);
    }

    static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String line(Score s) {
        return String.format(Locale.ROOT, "%-100s %7.4f %9.4f  (%d truth / %d output words)%n",
                s.url(), s.recall(), s.precision(), s.truthWords(), s.outputWords());
    }
}
