package dev.groundwork.ingest.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoadmapParserTest {

    private static final String PLAN = """
            # 🎯 Backend Plan

            ## Month 1: Foundations
            ### Week 1 – APIs
            - REST
            ### Week 2 – Databases
            - Indexes

            ## Month 2: Scale
            ### Week 5 – Caching
            - Redis
            """;

    private final RoadmapParser parser = new RoadmapParser();

    @Test
    void rejectsEmptyDocument() {
        assertRejected(new byte[0], RoadmapRejected.Reason.EMPTY);
        assertRejected(" \n\t\n ".getBytes(StandardCharsets.UTF_8), RoadmapRejected.Reason.EMPTY);
        assertThatThrownBy(() -> parser.parse("   \n"))
                .isInstanceOfSatisfying(RoadmapRejected.class, e -> assertThat(e.reason()).isEqualTo(RoadmapRejected.Reason.EMPTY));
    }

    @Test
    void rejectsBinaryDocument() {
        assertRejected(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, RoadmapRejected.Reason.BINARY);
        byte[] controls = "# Title\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < controls.length; i += 5) {
            controls[i] = 0x01;
        }
        assertRejected(controls, RoadmapRejected.Reason.BINARY);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] latin1 = "# Café plan\n## Week 1\n- Crème brûlée".getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(latin1, RoadmapRejected.Reason.NOT_UTF8);
    }

    @Test
    void rejectsDocumentOverMaxSizeSayingSizeAndLimit() {
        byte[] big = ("# Plan\n## Week 1\n" + "- item\n".repeat(200)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new RoadmapParser(1000).parse(big))
                .isInstanceOfSatisfying(RoadmapRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(RoadmapRejected.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains(String.format("%,d", big.length)).contains("1,000");
                });
    }

    @Test
    void rejectsDocumentWithoutTopics() {
        assertRejected("# Just a title\n\nSome words and nothing else.".getBytes(StandardCharsets.UTF_8),
                RoadmapRejected.Reason.NO_TOPICS);
    }

    @Test
    void acceptsAlreadyDecodedTextAndRepairsIt() {
        Roadmap roadmap = parser.parse("# ðŸŽ¯ Plan\n## Week 1 â€“ APIs\n- REST");

        assertThat(roadmap.title()).isEqualTo("Plan");
        assertThat(roadmap.topics()).extracting(Topic::title).containsExactly("Week 1 – APIs");
    }

    @Test
    void givesIdenticalIdsWhenParsingTheSameTextTwice() {
        Roadmap first = parser.parse(PLAN);
        Roadmap second = parser.parse(PLAN.getBytes(StandardCharsets.UTF_8));

        assertThat(second.id()).isEqualTo(first.id()).isEqualTo("backend-plan");
        assertThat(second.contentHash()).isEqualTo(first.contentHash()).hasSize(64);
        assertThat(second.allTopics()).extracting(Topic::id).containsExactlyElementsOf(first.allTopics().stream().map(Topic::id).toList());
    }

    @Test
    void derivesTopicIdsFromRoadmapIdAndKey() {
        Topic week = Seeds.topic(parser.parse(PLAN), "month-1/week-2");

        assertThat(week.id()).isEqualTo(UUID.nameUUIDFromBytes("backend-plan/month-1/week-2".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(week.path()).containsExactly("Month 1: Foundations", "Week 2 – Databases");
    }

    @Test
    void movesTheTreeToAGivenRoadmapIdWithTopicIdsDerivedFromIt() {
        Roadmap parsed = parser.parse(PLAN);

        Roadmap moved = parsed.withId("backend-plan-2");

        assertThat(moved.id()).isEqualTo("backend-plan-2");
        assertThat(moved.title()).isEqualTo(parsed.title());
        assertThat(moved.contentHash()).isEqualTo(parsed.contentHash());
        assertThat(moved.allTopics()).extracting(Topic::key)
                .containsExactlyElementsOf(parsed.allTopics().stream().map(Topic::key).toList());
        assertThat(Seeds.topic(moved, "month-1/week-2").id()).isEqualTo(
                UUID.nameUUIDFromBytes("backend-plan-2/month-1/week-2".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(parsed.withId("backend-plan")).isSameAs(parsed);
    }

    @Test
    void keepsAMonthsIdWhenItsTitleIsEdited() {
        Roadmap before = parser.parse(PLAN);
        Roadmap after = parser.parse(PLAN.replace("Month 1: Foundations", "Month 1: Solid Foundations"));

        assertThat(Seeds.topic(after, "month-1").id()).isEqualTo(Seeds.topic(before, "month-1").id());
        assertThat(Seeds.topic(after, "month-1").title()).isEqualTo("Month 1: Solid Foundations");
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    }

    @Test
    void keepsOtherIdsWhenAWeekIsAdded() {
        Roadmap before = parser.parse(PLAN);
        Roadmap after = parser.parse(PLAN.replace("### Week 2 – Databases", "### Week 3 – Queues\n- Kafka\n### Week 2 – Databases"));

        assertThat(after.allTopics()).hasSize(before.allTopics().size() + 1);
        assertThat(after.allTopics()).extracting(Topic::id).containsAll(before.allTopics().stream().map(Topic::id).toList());
    }

    @Test
    void suffixesDuplicateSiblingKeys() {
        Roadmap roadmap = parser.parse("# Plan\n## Notes\n- a\n## Notes\n- b\n## Notes\n- c\n");

        assertThat(roadmap.topics()).extracting(Topic::key).containsExactly("notes", "notes-2", "notes-3");
    }

    @Test
    void readsLabelValueDocumentsLineByLine() {
        Roadmap roadmap = parser.parse("""
                # my-plan
                M0: Start (Week 0)
                Goal: Set up.
                Key Skills: Git; Docker
                M1: Build (Weeks 1-2)
                Goal: Ship https://example.com/guide today.
                Week Mapping:
                Week 1: API + tests.
                Week 2: Deploy.
                """);

        assertThat(roadmap.topics()).extracting(Topic::key).containsExactly("m0", "m1");
        assertThat(roadmap.topics().get(0).concepts()).containsExactly("Git", "Docker");
        assertThat(roadmap.topics().get(1).children()).extracting(Topic::title).containsExactly("Week 1: API + tests", "Week 2: Deploy");
        assertThat(roadmap.topics().get(1).resources())
                .containsExactly(new ResourceRef("https://example.com/guide", "https://example.com/guide", "link"));
    }

    private void assertRejected(byte[] document, RoadmapRejected.Reason reason) {
        assertThatThrownBy(() -> parser.parse(document))
                .isInstanceOfSatisfying(RoadmapRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                });
    }
}
