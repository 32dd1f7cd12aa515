package dev.groundwork.api.progress;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a learner stands on a topic; see the package documentation for when each holds. */
enum TopicState {
    NOT_STARTED("not-started"), LEARNING("learning"), SOLID("solid"), NEEDS_REVISION("needs-revision");

    private final String label;

    TopicState(String label) {
        this.label = label;
    }

    @JsonValue
    String label() {
        return label;
    }
}
