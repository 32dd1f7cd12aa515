package dev.groundwork.api.progress;

import dev.groundwork.api.review.fsrs.ItemState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner has done on a topic: the scheduling state of its live card items and its answered interview
 * questions.
 */
record Evidence(List<ItemState> items, List<Answer> answers) {

    static final Evidence NONE = new Evidence(List.of(), List.of());

    Evidence {
        items = List.copyOf(items);
        answers = List.copyOf(answers);
    }

    /** This evidence and {@code other}'s together (a parent topic and a subtopic). */
    Evidence plus(Evidence other) {
        List<ItemState> allItems = new ArrayList<>(items);
        allItems.addAll(other.items);
        List<Answer> allAnswers = new ArrayList<>(answers);
        allAnswers.addAll(other.answers);
        return new Evidence(allItems, allAnswers);
    }

    /**
     * One answered interview question.
     *
     * @param overall    its overall score, 0 … 4
     * @param answeredAt when it was answered
     */
    record Answer(double overall, Instant answeredAt) {
    }
}
