package dev.groundwork.api.review.fsrs;

import java.util.Locale;

/** A grade, as Anki names them: 1 again, 2 hard, 3 good, 4 easy. */
public enum Rating {
    AGAIN, HARD, GOOD, EASY;

    /** 1 for again … 4 for easy, the value FSRS computes with. */
    public int grade() {
        return ordinal() + 1;
    }

    public static Rating ofGrade(int grade) {
        if (grade < 1 || grade > 4) {
            throw new IllegalArgumentException("a grade is 1 to 4, not " + grade);
        }
        return values()[grade - 1];
    }

    /** "again", "hard", "good" or "easy". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rating named by {@code label}, or {@code null}. */
    public static Rating ofLabel(String label) {
        for (Rating rating : values()) {
            if (rating.label().equals(label)) {
                return rating;
            }
        }
        return null;
    }
}
