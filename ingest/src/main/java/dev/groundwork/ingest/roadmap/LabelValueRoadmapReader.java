package dev.groundwork.ingest.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text roadmap of "Label: value" lines: milestone lines ({@code M0: Basecamp (Week 0 – …)})
 * open MILESTONE topics; Goal, Key Skills, Deliverable, Public Proof and Tips fill them; the
 * {@code Week N: …} lines under "Week Mapping:" become WEEK children. Unlabelled prose describes the roadmap.
 */
final class LabelValueRoadmapReader {

    private static final Pattern MILESTONE = Pattern.compile("^(M\\d+)\\s*:\\s*(.+)$");
    private static final Pattern WEEK = Pattern.compile("^Week\\s+(\\d+)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEK_MENTION = Pattern.compile("\\bWeek\\s+(\\d+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^([A-Za-z][A-Za-z0-9 /&()'-]{0,40}):(?:\\s+(.*))?$");
    private static final Pattern MARKDOWN_BLOCK = Pattern.compile("^(#{2,6}\\s|\\s*[-*+]\\s|\\s*\\d+\\.\\s|```)");

    /** Whether the text is this format: at least two milestone lines and mostly "Label: value" lines, no Markdown blocks. */
    static boolean accepts(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        long milestones = lines.stream().filter(line -> MILESTONE.matcher(line).matches()).count();
        long labelled = lines.stream().filter(line -> LABEL.matcher(line).matches()).count();
        long markdown = lines.stream().filter(line -> MARKDOWN_BLOCK.matcher(line).find()).count();
        return milestones >= 2 && labelled * 2 >= lines.size() && markdown * 10 < lines.size();
    }

    RoadmapDraft read(String text) {
        RoadmapDraft roadmap = new RoadmapDraft();
        TopicDraft milestone = null;
        boolean inWeekMapping = false;
        for (String raw : text.lines().toList()) {
            String line = TitleCleaner.clean(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (roadmap.title == null && raw.strip().startsWith("#")) {
                roadmap.title = TitleCleaner.clean(raw.strip().replaceFirst("^#+", ""));
                continue;
            }
            Matcher m = MILESTONE.matcher(line);
            Matcher week = WEEK.matcher(line);
            Matcher label = LABEL.matcher(line);
            if (m.matches()) {
                milestone = new TopicDraft(line, TopicKind.MILESTONE, SectionLabels.numberLabel(line), Bucket.CONCEPTS);
                roadmap.topics.add(milestone);
                inWeekMapping = false;
            } else if (milestone != null && inWeekMapping && week.matches()) {
                milestone.children.add(week(week.group(1), line, week.group(2)));
            } else if (milestone != null && label.matches()) {
                String name = SectionLabels.normalize(label.group(1));
                String value = label.group(2) == null ? "" : label.group(2).strip();
                inWeekMapping = name.equals("week mapping");
                field(milestone, name, label.group(1).strip(), value);
            } else {
                roadmap.front.describe(line);
            }
            InlineText.bareUrls(line).forEach((milestone == null ? roadmap.front : milestone)::addResource);
        }
        if (roadmap.title == null) {
            roadmap.title = TitleCleaner.clean(text.strip().lines().findFirst().orElse("Untitled roadmap"));
        }
        return roadmap;
    }

    private static void field(TopicDraft milestone, String name, String label, String value) {
        switch (name) {
            case "goal" -> milestone.description.add(0, value);
            case "key skills", "skills" -> parts(value, List.of(";")).forEach(skill -> milestone.add(Bucket.CONCEPTS, skill));
            case "deliverable", "deliverables" -> milestone.add(Bucket.BUILD, value);
            case "public proof" -> milestone.add(Bucket.BUILD, label + ": " + value);
            case "week mapping" -> inlineWeekMapping(milestone, value);
            default -> {
                if (!value.isEmpty()) {
                    milestone.describe(label + ": " + value);
                }
            }
        }
    }

    /** "Purely Week 0—install tools …" becomes a Week 0 child described by the text. */
    private static void inlineWeekMapping(TopicDraft milestone, String value) {
        if (value.isEmpty()) {
            return;
        }
        Matcher mention = WEEK_MENTION.matcher(value);
        if (mention.find()) {
            TopicDraft week = new TopicDraft("Week " + mention.group(1), TopicKind.WEEK, "week-" + mention.group(1),
                    Bucket.CONCEPTS);
            week.describe(value);
            milestone.children.add(week);
        } else {
            milestone.describe("Week Mapping: " + value);
        }
    }

    private static TopicDraft week(String number, String line, String plan) {
        TopicDraft week = new TopicDraft(line.replaceAll("\\.$", ""), TopicKind.WEEK, "week-" + number, Bucket.CONCEPTS);
        parts(plan, List.of(";", " + ")).forEach(part -> week.add(Bucket.CONCEPTS, part));
        return week;
    }

    /** The value split on the separators outside parentheses, each part trimmed of a final period. */
    private static List<String> parts(String value, List<String> separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            for (String separator : separators) {
                if (depth == 0 && value.startsWith(separator, i)) {
                    parts.add(value.substring(start, i));
                    start = i + separator.length();
                    i = start - 1;
                    break;
                }
            }
        }
        parts.add(value.substring(start));
        return parts.stream().map(p -> p.strip().replaceAll("\\.$", "").strip()).filter(p -> !p.isEmpty()).toList();
    }
}
