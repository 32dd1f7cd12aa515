package dev.groundwork.ingest.roadmap;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a topic heading names. Serialised in lower case ({@code "month"}). */
public enum TopicKind {
    PHASE, MONTH, WEEK, DAY, MILESTONE, SECTION, PROJECT, CHECKLIST;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
