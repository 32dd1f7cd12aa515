package dev.groundwork.ingest.roadmap;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary roadmaps use: labels that announce concepts, resources or build tasks ("Topics Covered:",
 * "Mini Project:"), numbered headings ("Week 3", "M2:") and the names of resource types ("Book").
 */
final class SectionLabels {

    private static final Map<String, Bucket> LABELS = new HashMap<>();
    private static final Set<String> RESOURCE_TYPES = Set.of("book", "course", "interactive", "practice",
            "practice platform", "youtube channel", "youtube", "tutorial", "tutorial series", "video", "article",
            "blog", "podcast", "paper", "documentation", "docs", "website", "newsletter", "tool", "platform");
    private static final Set<String> ROADMAP_DESCRIPTION = Set.of("overview", "table of contents",
            "complete table of contents", "introduction", "about");
    private static final Set<String> IGNORED = Set.of("progress tracker", "learning path overview");
    private static final Pattern NUMBERED = Pattern.compile("^(phase|month|week|day)\\s+\\d+\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(phases?|months?|weeks?|days?)\\s+(\\d+(?:\\s*[-–]\\s*\\d+)?)\\b|(M\\d+)\\s*:)", Pattern.CASE_INSENSITIVE);
    /** "Visit the following resources to learn more:", "Check out these links", "Further reading below". */
    private static final Pattern RESOURCE_LEAD_IN = Pattern.compile(
            "^(?:.*\\s)?(?:following|these|below|more|further|additional|useful|recommended|some)\\s+"
                    + "(?:free\\s+|useful\\s+|online\\s+)?(?:resources|links|reading|materials)(?:\\s.*)?$");
    private static final int MAX_LEAD_IN_LENGTH = 120;
    private static final Pattern INTERVIEW_ITEM = Pattern.compile(
            "^(?:interview focus|practice interview|interview question)s?\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    static {
        put(Bucket.CONCEPTS, "topics covered", "topics", "learn", "learning", "core concepts to master", "core concepts",
                "concepts", "focus areas", "core topics", "topics to cover", "core areas", "key skills", "skills",
                "key concepts");
        put(Bucket.RESOURCES, "resources", "recommended resources", "interview resources", "ai-specific resources",
                "links", "references", "reading", "further reading", "books", "courses");
        put(Bucket.BUILD, "mini project", "mini projects", "build", "project", "projects", "capstone project",
                "capstone project ideas", "final tasks", "task", "tasks", "deliverable", "deliverables", "exercises");
        put(Bucket.INTERVIEW, "interview focus", "practice interview", "interview questions", "interview prep");
        put(Bucket.DESCRIPTION, "weekly breakdown", "goal", "goals", "commitment", "focus", "overview", "summary",
                "outcome", "time commitment", "target audience", "prerequisite knowledge", "prerequisites");
    }

    private SectionLabels() {
    }

    private static void put(Bucket bucket, String... labels) {
        for (String label : labels) {
            LABELS.put(label, bucket);
        }
    }

    /** Lower case, without parenthetical remarks and trailing colon: "Weekly Breakdown (8 hrs/week):" → "weekly breakdown". */
    static String normalize(String label) {
        return label.replaceAll("\\([^)]*\\)", " ").replaceAll("[:\\s]+$", "").strip()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The bucket a "Label:" paragraph announces, or {@code null} for a label this vocabulary does not know. */
    static Bucket forLabel(String label) {
        Bucket bucket = LABELS.get(normalize(label));
        return bucket == null && announcesResources(label) ? Bucket.RESOURCES : bucket;
    }

    /** Whether a line, label or heading says that resources follow: "Visit the following resources to learn more:". */
    static boolean announcesResources(String text) {
        String key = normalize(text);
        return key.length() <= MAX_LEAD_IN_LENGTH && RESOURCE_LEAD_IN.matcher(key).matches();
    }

    /** The bucket a sub-heading such as "### Learn" announces inside a numbered topic, or {@code null}. */
    static Bucket forHeading(String heading) {
        String key = normalize(heading);
        if (key.equals("focus")) {
            return Bucket.CONCEPTS;
        }
        Bucket bucket = LABELS.get(key);
        return bucket == Bucket.DESCRIPTION ? null : bucket;
    }

    static boolean isResourceType(String name) {
        return RESOURCE_TYPES.contains(normalize(name));
    }

    static boolean describesRoadmap(String heading) {
        return ROADMAP_DESCRIPTION.contains(normalize(heading));
    }

    static boolean isIgnored(String heading) {
        return IGNORED.contains(normalize(heading));
    }

    /** The kind a heading's number names ("Week 3" → WEEK), or {@code null}. */
    static TopicKind numberedKind(String title) {
        Matcher m = NUMBERED.matcher(title);
        return m.find() ? TopicKind.valueOf(m.group(1).toUpperCase(Locale.ROOT)) : null;
    }

    /** The stable key label of a numbered heading ("Week 3: …" → "week-3", "M2: …" → "m2"), or {@code null}. */
    static String numberLabel(String title) {
        Matcher m = LABEL.matcher(title);
        if (!m.find()) {
            return null;
        }
        return m.group(3) != null ? Slugs.of(m.group(3)) : Slugs.of(m.group(1) + " " + m.group(2));
    }

    /** The question of an "Interview Focus: …" or "Practice Interview: …" item, or {@code null}. */
    static String interviewQuestion(String item) {
        Matcher m = INTERVIEW_ITEM.matcher(item);
        return m.matches() ? TitleCleaner.unquote(m.group(1)) : null;
    }

    /** What a resource list's heading says its items are: "Books" → book; "reference" when it does not say. */
    static String resourceTypeOf(List<String> headings) {
        for (String heading : headings) {
            String h = heading.toLowerCase(Locale.ROOT);
            for (String type : List.of("book", "course", "blog", "practice", "video", "podcast", "roadmap")) {
                if (h.contains(type)) {
                    return type;
                }
            }
        }
        return "reference";
    }
}
