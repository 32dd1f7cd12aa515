package dev.groundwork.api.interview;

import dev.groundwork.ingest.roadmap.Topic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a session may ask about, in the order it is tried: the roadmap's own interview lines first (a topic and its
 * subtopics, or every topic of a roadmap), then its concepts and build tasks — taken in turn from each topic, so that a
 * roadmap-wide session spreads over the plan instead of dwelling on its first day. A leaf topic that names fewer than
 * three lines is also asked about its heading. Pure.
 */
final class Subjects {

    /** "Week 7 – ", "Day 12: ", "Month 2 — ": the label of a roadmap's numbered heading. */
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(?:week|day|month|phase|"
            + "milestone|part|step|module|stage|sprint|m|w|d)\\s*\\d+(?:\\s*[-–—]\\s*\\d+)?\\s*[:.–—-]\\s*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A leaf topic with fewer lines than this is also asked about its heading. */
    private static final int FEW_LINES = 3;

    /** One line to turn into a question, and the topic it belongs to. */
    record Subject(String topicId, String topicTitle, String origin, String line) {
    }

    private Subjects() {
    }

    static List<Subject> of(List<Topic> topics) {
        List<Topic> all = new ArrayList<>();
        topics.forEach(topic -> flatten(topic, all));
        List<Subject> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        roundRobin(all, "interview-line", out, seen);
        roundRobin(all, "concept", out, seen);
        return out;
    }

    private static void roundRobin(List<Topic> topics, String origin, List<Subject> out, Set<String> seen) {
        List<List<Subject>> perTopic = new ArrayList<>();
        for (Topic topic : topics) {
            List<Subject> lines = new ArrayList<>();
            if (origin.equals("interview-line")) {
                topic.interviewFocus().forEach(line -> lines.add(new Subject(topic.id(), topic.title(), origin, line)));
            } else {
                topic.concepts().forEach(line -> lines.add(new Subject(topic.id(), topic.title(), "concept", line)));
                topic.buildTasks().forEach(line -> lines.add(new Subject(topic.id(), topic.title(), "build-task",
                        line)));
                if (lines.size() + topic.interviewFocus().size() < FEW_LINES && topic.children().isEmpty()) {
                    // a leaf that names little: its heading ("Week 15 – RAG Architecture") is a subject too
                    String title = NUMBERED.matcher(topic.title()).replaceFirst("").strip();
                    if (!title.isEmpty()) {
                        lines.add(new Subject(topic.id(), topic.title(), "topic", title));
                    }
                }
            }
            perTopic.add(lines);
        }
        for (int i = 0; perTopic.stream().anyMatch(lines -> !lines.isEmpty()); i++) {
            for (List<Subject> lines : perTopic) {
                if (!lines.isEmpty()) {
                    Subject next = lines.remove(0);
                    String key = QuestionShapes.subject(next.line()).toLowerCase(Locale.ROOT);
                    if (key.length() >= 3 && seen.add(key)) {
                        out.add(next);
                    }
                }
            }
        }
    }

    private static void flatten(Topic topic, List<Topic> out) {
        out.add(topic);
        topic.children().forEach(child -> flatten(child, out));
    }
}
