package dev.groundwork.ingest.roadmap;

import java.util.List;

/**
 * One node of a roadmap's topic tree: a phase, month, week, day, milestone or section.
 *
 * @param id             stable id: a name-based UUID of the roadmap id and {@link #key()}
 * @param key            the topic's path of slugs from the root, e.g. {@code month-1/week-2};
 *                       numbered headings use their label ({@code month-1}, {@code day-12}, {@code m3})
 *                       so that a retitled topic keeps its id
 * @param title          the heading text, repaired and without emoji
 * @param kind           what the heading names
 * @param path           titles from the top-level ancestor down to this topic, inclusive
 * @param description    prose that describes the topic (goal, focus, overview), or {@code null}
 * @param concepts       what to learn: bullet items under "Topics Covered", "Learn", "Key Skills", …
 * @param resources      links and named references (books, courses) in document order
 * @param buildTasks     what to build: mini projects, "Build" items, deliverables
 * @param interviewFocus interview questions and focus lines
 * @param children       sub-topics in document order
 */
public record Topic(
        String id,
        String key,
        String title,
        TopicKind kind,
        List<String> path,
        String description,
        List<String> concepts,
        List<ResourceRef> resources,
        List<String> buildTasks,
        List<String> interviewFocus,
        List<Topic> children) {

    public Topic {
        path = List.copyOf(path);
        concepts = List.copyOf(concepts);
        resources = List.copyOf(resources);
        buildTasks = List.copyOf(buildTasks);
        interviewFocus = List.copyOf(interviewFocus);
        children = List.copyOf(children);
    }
}
