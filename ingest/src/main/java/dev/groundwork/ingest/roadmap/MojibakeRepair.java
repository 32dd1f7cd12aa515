package dev.groundwork.ingest.roadmap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes double encoding: UTF-8 bytes that were once decoded with a single-byte charset
 * (Windows-1252, Windows-1254 or MacRoman) and saved again as UTF-8, so that {@code 🎯} reads {@code ðŸŽ¯}.
 *
 * <p>For each candidate charset, every run of characters that maps back to a strictly valid UTF-8
 * multi-byte sequence is replaced by what it decodes to. The candidate repairing the most sequences wins
 * (a sequence missing a byte the charset does not define counts half);
 * text no candidate repairs (clean UTF-8 with real {@code –}, {@code é}) is returned unchanged.
 * Stateless and thread-safe.
 */
final class MojibakeRepair {

    private static final int MAX_PASSES = 3;
    private static final List<ByteTable> CANDIDATES = List.of(
            new ByteTable(Charset.forName("windows-1252")),
            new ByteTable(Charset.forName("windows-1254")),
            new ByteTable(Charset.forName("x-MacRoman")));

    /** The text with double-encoded sequences repaired; the same text when there are none. */
    String repair(String text) {
        ByteTable chosen = null;
        Repaired best = null;
        for (ByteTable table : CANDIDATES) {
            Repaired candidate = table.repair(text);
            if (candidate.sequences() > 0 && (best == null || candidate.score() > best.score())) {
                best = candidate;
                chosen = table;
            }
        }
        if (best == null) {
            return text;
        }
        String current = best.text();
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            Repaired again = chosen.repair(current);
            if (again.sequences() == 0) {
                break;
            }
            current = again.text();
        }
        return current;
    }

    /** @param sequences whole sequences repaired; @param lossy sequences repaired despite a dropped byte */
    private record Repaired(String text, int sequences, int lossy) {

        int score() {
            return 2 * sequences + lossy;
        }
    }

    /** A single-byte charset's reverse table; undefined bytes stand for the C1 control of the same value. */
    private static final class ByteTable {

        private final Map<Character, Integer> byteOf = new HashMap<>();
        /** Bytes the charset does not define; tools that wrote the mojibake often dropped them. */
        private final List<Integer> undefined = new ArrayList<>();

        ByteTable(Charset charset) {
            for (int b = 0x80; b <= 0xFF; b++) {
                char c = new String(new byte[] {(byte) b}, charset).charAt(0);
                if (c == '\uFFFD') {
                    undefined.add(b);
                }
                byteOf.putIfAbsent(c == '\uFFFD' ? (char) b : c, b);
            }
        }

        Repaired repair(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int sequences = 0;
            int lossy = 0;
            int i = 0;
            while (i < text.length()) {
                int length = sequenceLength(byteAt(text, i));
                int continuations = continuations(text, i + 1, length - 1);
                String decoded = length > 0 && continuations == length - 1 ? decode(bytes(text, i, length)) : null;
                if (decoded != null) {
                    out.append(decoded);
                    sequences++;
                    i += length;
                } else if (length >= 3 && continuations == length - 2
                        && (decoded = withDroppedByte(bytes(text, i, length - 1))) != null) {
                    out.append(decoded);
                    lossy++;
                    i += length - 1;
                } else {
                    out.append(text.charAt(i));
                    i++;
                }
            }
            return new Repaired(out.toString(), sequences, lossy);
        }

        private int byteAt(String text, int index) {
            char c = text.charAt(index);
            return c < 0x80 ? c : byteOf.getOrDefault(c, -1);
        }

        private static int sequenceLength(int lead) {
            if (lead >= 0xC2 && lead <= 0xDF) {
                return 2;
            }
            if (lead >= 0xE0 && lead <= 0xEF) {
                return 3;
            }
            return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        }

        private int continuations(String text, int start, int max) {
            int count = 0;
            while (count < max && start + count < text.length()) {
                int b = byteAt(text, start + count);
                if (b < 0x80 || b > 0xBF) {
                    break;
                }
                count++;
            }
            return count;
        }

        private byte[] bytes(String text, int start, int length) {
            byte[] bytes = new byte[length];
            for (int k = 0; k < length; k++) {
                bytes[k] = (byte) byteAt(text, start + k);
            }
            return bytes;
        }

        /**
         * A sequence one byte short because its writer dropped an undefined byte: the character when only one
         * fits, the emoji presentation selector when it is among them, else U+FFFD (a lost emoji, not mojibake);
         * {@code null} when nothing fits.
         */
        private String withDroppedByte(byte[] partial) {
            Set<String> fits = new LinkedHashSet<>();
            for (int position = 1; position <= partial.length; position++) {
                for (int dropped : undefined) {
                    byte[] bytes = new byte[partial.length + 1];
                    System.arraycopy(partial, 0, bytes, 0, position);
                    bytes[position] = (byte) dropped;
                    System.arraycopy(partial, position, bytes, position + 1, partial.length - position);
                    String decoded = decode(bytes);
                    if (decoded != null) {
                        fits.add(decoded);
                    }
                }
            }
            if (fits.size() <= 1) {
                return fits.isEmpty() ? null : fits.iterator().next();
            }
            return fits.contains("\uFE0F") ? "\uFE0F" : "\uFFFD";
        }

        private static String decode(byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                return null;
            }
        }
    }
}
