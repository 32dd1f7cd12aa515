package dev.groundwork.api.flashcard;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a quote in a passage the way a reader would: after Unicode (NFKC) normalisation, with whitespace runs
 * folded, curly quotes and dashes made plain, emphasis markers ({@code *}, {@code _} around words, back-ticks)
 * ignored and case ignored — and answers with the span in the passage's own text. Stateless.
 */
final class QuoteLocator {

    private QuoteLocator() {
    }

    /** A span of the original text: {@code text.substring(start, end)}. */
    record Span(int start, int end) {
    }

    /** Where {@code quote} occurs in {@code text}, or empty. A quote of fewer than 3 letters is never found. */
    static Optional<Span> locate(String quote, String text) {
        if (quote == null || text == null) {
            return Optional.empty();
        }
        Folded needle = fold(quote);
        if (needle.text.chars().filter(Character::isLetter).count() < 3) {
            return Optional.empty();
        }
        Folded hay = fold(text);
        int at = hay.text.indexOf(needle.text);
        if (at < 0) {
            return Optional.empty();
        }
        int end = at + needle.text.length() - 1;
        return Optional.of(new Span(hay.origin[at], hay.origin[end] + hay.width[end]));
    }

    /** The text folded for comparison, each folded character remembering where it came from. */
    private record Folded(String text, int[] origin, int[] width) {
    }

    private static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 4];
        int[] width = new int[origin.length];
        boolean space = true;   // leading whitespace dropped
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String mapped = map(cp);
            for (int k = 0; k < mapped.length(); k++) {
                char c = mapped.charAt(k);
                if (Character.isWhitespace(c)) {
                    if (space) {
                        continue;
                    }
                    c = ' ';
                    space = true;
                } else {
                    space = false;
                }
                if (out.length() == origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                    width = Arrays.copyOf(width, width.length * 2);
                }
                origin[out.length()] = i;
                width[out.length()] = n;
                out.append(c);
            }
            i += n;
        }
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) == ' ') {
            out.setLength(length - 1);
        }
        return new Folded(out.toString(), origin, width);
    }

    private static String map(int cp) {
        switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> {
                return cp == '`' ? "" : "'";
            }
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> {
                return "\"";
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
                return "-";
            }
            case '*', '_' -> {
                return "";
            }
            case '\u00A0' -> {
                return " ";
            }
            default -> {
                String normalized = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                return normalized.toLowerCase(Locale.ROOT);
            }
        }
    }
}
