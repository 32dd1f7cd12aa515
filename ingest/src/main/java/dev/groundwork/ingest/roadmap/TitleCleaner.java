package dev.groundwork.ingest.roadmap;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes decoration from heading and item text: emoji and pictographs, variation selectors, joiners,
 * leftover C1 controls and status markers such as {@code ✅ COMPLETED}. Meaningful punctuation
 * ({@code & – : / + →}) is kept.
 */
final class TitleCleaner {

    private static final Pattern STATUS = Pattern.compile("[\u2705\u2714\u2611]\uFE0F?\\s*(?:COMPLETED|COMPLETE|DONE)\\b");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private TitleCleaner() {
    }

    /** One line of clean text: decoration removed, whitespace collapsed, trimmed. */
    static String clean(String text) {
        return tidy(SPACES.matcher(stripDecoration(text).replace('\n', ' ')).replaceAll(" "));
    }

    /** Like {@link #clean(String)} but keeps line breaks; blank lines are dropped. */
    static String cleanLines(String text) {
        return Arrays.stream(stripDecoration(text).split("\n"))
                .map(line -> tidy(SPACES.matcher(line).replaceAll(" ")))
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** Text without surrounding straight or typographic quotes. */
    static String unquote(String text) {
        String s = text.strip();
        if (s.length() >= 2 && "\"“”'".indexOf(s.charAt(0)) >= 0 && "\"“”'".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Trims, and closes the gap a removed emoji leaves inside brackets: "(job 🔥)" → "(job)". */
    private static String tidy(String line) {
        return line.replace("( ", "(").replace(" )", ")").strip();
    }

    private static String stripDecoration(String text) {
        String withoutStatus = STATUS.matcher(text).replaceAll(" ");
        StringBuilder out = new StringBuilder(withoutStatus.length());
        withoutStatus.codePoints().filter(cp -> !isDecoration(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isDecoration(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)      // emoji, pictographs, flags
                || (cp >= 0x2600 && cp <= 0x27BF)    // miscellaneous symbols, dingbats (✅ ⚠ ☁ ⚙)
                || (cp >= 0x2B00 && cp <= 0x2BFF)    // stars and arrows used as emoji (⭐)
                || (cp >= 0x2300 && cp <= 0x23FF)    // technical symbols used as emoji (⌛ ⏰)
                || (cp >= 0xFE00 && cp <= 0xFE0F)    // variation selectors
                || (cp >= 0xE0020 && cp <= 0xE007F)  // tag characters
                || (cp >= 0x80 && cp <= 0x9F)        // C1 controls left by broken encodings
                || cp == 0x200D || cp == 0x20E3 || cp == 0xF8FF || cp == 0xFFFD;
    }
}
