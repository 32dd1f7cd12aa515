package dev.groundwork.api.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.roadmap.TopicKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionShapesTest {

    @Test
    void aSeniorQuestionAsksAboutTradeOffsAndFailureNotADefinition() {
        String junior = QuestionShapes.question("Consistent hashing", "concept", "concept", "junior");
        String senior = QuestionShapes.question("Consistent hashing", "concept", "concept", "senior");

        assertThat(junior).isEqualTo("What is consistent hashing, and what problem does it solve?");
        assertThat(senior).contains("Why").contains("trade-offs").contains("when would you not")
                .contains("goes wrong").contains("consistent hashing");
        assertThat(QuestionShapes.question("Consistent hashing", "concept", "concept", "staff"))
                .contains("across the organisation").contains("cost").contains("push back");
    }

    @Test
    void interviewLinesKeepTheirIntentAndShape() {
        assertThat(QuestionShapes.question("\"How does your data engineering background help in ML?\"",
                "interview-line", "concept", "senior")).isEqualTo("How does your data engineering background help in ML?");
        assertThat(QuestionShapes.naturalKind("Design recommendation system for 100M users", "interview-line"))
                .isEqualTo("design");
        assertThat(QuestionShapes.question("Design recommendation system for 100M users", "interview-line", "design",
                "senior")).startsWith("Design a recommendation system for 100M users. Walk through the components");
        assertThat(QuestionShapes.naturalKind("When to use deep learning vs classical ML", "interview-line"))
                .isEqualTo("trade-off");
        assertThat(QuestionShapes.question("When to use deep learning vs classical ML", "interview-line", "trade-off",
                "senior")).startsWith("When would you use deep learning rather than classical ML, and when would you"
                        + " not?");
        assertThat(QuestionShapes.question("Algorithm selection trade-offs", "interview-line", "trade-off", "mid"))
                .startsWith("What are the trade-offs in algorithm selection?");
        assertThat(QuestionShapes.question("LLM deployment architecture", "interview-line", "design", "senior"))
                .startsWith("Design an LLM deployment architecture.");
        assertThat(QuestionShapes.naturalKind("Production monitoring architecture", "interview-line"))
                .isEqualTo("design");
        assertThat(QuestionShapes.naturalKind("Incident response and root cause analysis", "concept"))
                .isEqualTo("debugging");
        assertThat(QuestionShapes.naturalKind("Build: a cache-aside service", "build-task")).isEqualTo("design");
        assertThat(QuestionShapes.question("Add Redis caching", "build-task", "design", "senior"))
                .isEqualTo("How would you add Redis caching? Walk through the components, how it scales, where it"
                        + " fails first, and how you would find out.");
        assertThat(QuestionShapes.question("Build: a cache-aside service", "build-task", "design", "junior"))
                .isEqualTo("How would you build a cache-aside service? What are the main parts?");
    }

    @Test
    void everyKindAndLevelHasAQuestion() {
        for (String kind : QuestionShapes.KINDS) {
            for (String level : QuestionShapes.LEVELS) {
                assertThat(QuestionShapes.question("Message queues", "concept", kind, level)).as(kind + "/" + level)
                        .contains("message queues").matches("(?s).*[?.]$");
            }
        }
    }

    @Test
    void ordinaryWordsAreLowerCasedButNamesAndAcronymsKept() {
        assertThat(QuestionShapes.lower("Processing text and images")).isEqualTo("processing text and images");
        assertThat(QuestionShapes.lower("Scalability patterns")).isEqualTo("scalability patterns");
        assertThat(QuestionShapes.lower("Feature store architecture")).isEqualTo("feature store architecture");
        assertThat(QuestionShapes.lower("Kubernetes and container orchestration"))
                .isEqualTo("Kubernetes and container orchestration");
        assertThat(QuestionShapes.lower("Redis data types")).isEqualTo("Redis data types");
        assertThat(QuestionShapes.lower("LLM deployment")).isEqualTo("LLM deployment");
    }

    @Test
    void subjectsTakeInterviewLinesFirstThenConceptsInTurnFromEachTopic() {
        Topic day1 = topic("Day 1: Pipelines", List.of("Batch vs streaming", "Data lineage"),
                List.of("Build: a CDC pipeline"), List.of("Pipeline architecture"));
        Topic day2 = topic("Day 2 – Kafka basics", List.of("Kafka partitions"), List.of(),
                List.of("Design a log system"));

        List<Subjects.Subject> subjects = Subjects.of(List.of(day1, day2));

        assertThat(subjects).extracting(Subjects.Subject::line).containsExactly("Pipeline architecture",
                "Design a log system", "Batch vs streaming", "Kafka partitions", "Data lineage", "Kafka basics",
                "Build: a CDC pipeline");
        assertThat(subjects).extracting(Subjects.Subject::origin).containsExactly("interview-line", "interview-line",
                "concept", "concept", "concept", "topic", "build-task");
    }

    @Test
    void aBareHeadingIsAskedAboutItself() {
        Topic week = new Topic("w11", "w11", "Week 11 – Design: URL Shortener (at scale)", TopicKind.WEEK,
                List.of("Week 11"), null, List.of(), List.of(), List.of(), List.of(), List.of());

        List<Subjects.Subject> subjects = Subjects.of(List.of(week));

        assertThat(subjects).extracting(Subjects.Subject::line).containsExactly("Design: URL Shortener (at scale)");
        assertThat(QuestionShapes.naturalKind(subjects.get(0).line(), "topic")).isEqualTo("design");
        assertThat(QuestionShapes.question(subjects.get(0).line(), "topic", "design", "senior"))
                .startsWith("Design a URL Shortener. Walk through");
    }

    private static Topic topic(String title, List<String> concepts, List<String> build, List<String> interview) {
        return new Topic(title, title, title, TopicKind.DAY, List.of(title), null, concepts, List.of(), build,
                interview, List.of());
    }
}
