package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.ResourceRef;
import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.Topic;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders a parsed roadmap for {@code parse} as an indented outline, and any CLI result as JSON. */
final class TreePrinter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TreePrinter() {
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value) + System.lineSeparator();
    }

    static String text(Roadmap roadmap) {
        StringBuilder out = new StringBuilder();
        out.append(roadmap.title()).append("  [").append(roadmap.id()).append(", ")
                .append(roadmap.allTopics().size()).append(" topics]\n");
        roadmap.topics().forEach(t -> topic(out, t, 1));
        return out.toString();
    }

    private static void topic(StringBuilder out, Topic topic, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append(topic.kind().label()).append(": ").append(topic.title()).append('\n');
        list(out, indent, "concepts", topic.concepts());
        list(out, indent, "build", topic.buildTasks());
        list(out, indent, "interview", topic.interviewFocus());
        for (ResourceRef ref : topic.resources()) {
            out.append(indent).append("    resource: ").append(ref.title());
            if (ref.isLink() && !ref.url().equals(ref.title())) {
                out.append(" <").append(ref.url()).append('>');
            } else if (!ref.isLink()) {
                out.append(" (").append(ref.type()).append(')');
            }
            out.append('\n');
        }
        topic.children().forEach(child -> topic(out, child, depth + 1));
    }

    private static void list(StringBuilder out, String indent, String label, List<String> items) {
        if (!items.isEmpty()) {
            out.append(indent).append("    ").append(label).append(": ").append(String.join("; ", items)).append('\n');
        }
    }
}
