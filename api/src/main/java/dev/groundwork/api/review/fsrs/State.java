package dev.groundwork.api.review.fsrs;

import java.util.Locale;

/** Where an item is in its life: never seen, in its learning steps, on the long-term schedule, or relearning. */
public enum State {
    NEW, LEARNING, REVIEW, RELEARNING;

    /** 0 … 3, as stored and as ts-fsrs numbers them. */
    public int code() {
        return ordinal();
    }

    public static State ofCode(int code) {
        return values()[code];
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
