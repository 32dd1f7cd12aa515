package dev.groundwork.ingest.roadmap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/** Turns uploaded bytes into text, rejecting what cannot be a roadmap before any parsing happens. */
final class DocumentGuard {

    /** Above this share of control characters (other than tab, line feed, carriage return, form feed) a document is binary. */
    private static final double MAX_CONTROL_SHARE = 0.02;

    private final int maxBytes;

    DocumentGuard(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The document decoded as strict UTF-8, without byte order mark and with {@code \n} line ends. */
    String decode(byte[] document) {
        checkSize(document.length);
        if (document.length == 0) {
            throw empty();
        }
        int controls = 0;
        for (byte b : document) {
            if (b == 0) {
                throw binary();
            }
            if (isControl(b & 0xFF)) {
                controls++;
            }
        }
        checkControlShare(controls, document.length);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document))
                    .toString();
            return check(text);
        } catch (CharacterCodingException e) {
            throw new RoadmapRejected(RoadmapRejected.Reason.NOT_UTF8, "The document is not valid UTF-8 text.");
        }
    }

    /** Already-decoded text, checked like bytes would be except for the encoding. */
    String check(String text) {
        checkSize(text.getBytes(StandardCharsets.UTF_8).length);
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw binary();
            }
            if (isControl(c)) {
                controls++;
            }
        }
        checkControlShare(controls, text.length());
        String normalized = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.isBlank()) {
            throw empty();
        }
        return normalized;
    }

    private void checkSize(int bytes) {
        if (bytes > maxBytes) {
            NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
            throw new RoadmapRejected(RoadmapRejected.Reason.TOO_LARGE,
                    "The document is " + format.format(bytes) + " bytes; the limit is " + format.format(maxBytes) + " bytes.");
        }
    }

    private static void checkControlShare(int controls, int length) {
        if (length > 0 && controls > length * MAX_CONTROL_SHARE) {
            throw binary();
        }
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }

    static RoadmapRejected empty() {
        return new RoadmapRejected(RoadmapRejected.Reason.EMPTY, "The document is empty.");
    }

    private static RoadmapRejected binary() {
        return new RoadmapRejected(RoadmapRejected.Reason.BINARY, "The document looks like a binary file, not text.");
    }
}
