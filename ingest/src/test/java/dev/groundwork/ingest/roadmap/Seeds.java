package dev.groundwork.ingest.roadmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The five seed roadmaps, byte for byte, from the test classpath. */
final class Seeds {

    static final String SIX_MONTH_STUDY_PLAN = "000_72930f71c79b6e62.txt";
    static final String EXECUTION_PLAN = "001_1a123edda492b329.txt";
    static final String TWELVE_MONTH_PLAN = "002_b3a40b5122b0f3e3.txt";
    static final String SIXTY_DAY_JOURNEY = "003_0efd650f91282031.txt";
    static final String MILESTONES = "004_f81cf6d221e2f740.txt";

    private Seeds() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/roadmap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource roadmap/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static Roadmap parse(String name) {
        return new RoadmapParser().parse(bytes(name));
    }

    static Map<TopicKind, Long> kindCounts(Roadmap roadmap) {
        Map<TopicKind, Long> counts = new TreeMap<>();
        roadmap.allTopics().forEach(t -> counts.merge(t.kind(), 1L, Long::sum));
        return counts;
    }

    static Topic topic(Roadmap roadmap, String key) {
        return roadmap.allTopics().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no topic " + key));
    }
}
