package dev.groundwork.ingest.extract;

/** Whitespace folding shared by the extractors: any run of whitespace (including no-break space) becomes one space. */
final class Whitespace {

    private Whitespace() {
    }

    static String fold(CharSequence text) {
        return fold(text, null);
    }

    /**
     * Folds like {@link #fold(CharSequence)} and records where each character went: {@code positions[i]} becomes the
     * index of {@code text.charAt(i)} in the result, or -1 for whitespace (which folds away or into a space).
     *
     * @param positions an array at least as long as {@code text}, or {@code null}
     */
    static String fold(CharSequence text, int[] positions) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = !out.isEmpty();
                if (positions != null) {
                    positions[i] = -1;
                }
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                if (positions != null) {
                    positions[i] = out.length();
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes blank lines at the start and any whitespace at the end, keeping the indentation of the first line. */
    static String trimLines(String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                start = i + 1;
            } else if (!isSpace(c)) {
                break;
            }
        }
        int end = text.length();
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }
}
