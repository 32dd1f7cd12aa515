package dev.groundwork.api.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** The identifiers and checksums an Anki collection needs, derived deterministically. Stateless. */
final class AnkiIds {

    /** Anki's alphabet for note GUIDs (base 91). */
    private static final String BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "!#$%&()*+,-./:;<=>?@[]^_`{|}~";

    private AnkiIds() {
    }

    /** A note GUID in Anki's style, the same for the same card on every export, so Anki updates rather than adds. */
    static String guid(UUID cardId) {
        long value = prefix(digest("SHA-256", "groundwork-card:" + cardId));
        StringBuilder out = new StringBuilder();
        // unsigned base 91, as Anki's guid64
        long rest = value;
        do {
            int digit = (int) Long.remainderUnsigned(rest, 91);
            out.append(BASE91.charAt(digit));
            rest = Long.divideUnsigned(rest, 91);
        } while (rest != 0);
        return out.reverse().toString();
    }

    /** A stable deck id for a deck name: positive, below 2^53 (JavaScript-safe), never Anki's Default deck (1). */
    static long deckId(String key) {
        return 2 + (prefix(digest("SHA-256", "groundwork-deck:" + key)) >>> 13);
    }

    /** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field's plain text. */
    static long checksum(String sortField) {
        byte[] sha1 = digest("SHA-1", sortField);
        return ((sha1[0] & 0xFFL) << 24) | ((sha1[1] & 0xFFL) << 16) | ((sha1[2] & 0xFFL) << 8) | (sha1[3] & 0xFFL);
    }

    private static long prefix(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
