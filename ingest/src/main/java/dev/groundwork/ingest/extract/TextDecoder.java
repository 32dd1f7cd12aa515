package dev.groundwork.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns fetched bytes into a string. The charset is, in order: a byte order mark, the declared (HTTP header)
 * charset, an HTML {@code <meta charset>} (HTML only), UTF-8 if the bytes are valid UTF-8, what juniversalchardet
 * detects, else windows-1252 (the bytes are then known not to be UTF-8, and windows-1252 decodes every byte).
 */
final class TextDecoder {

    private static final int META_SNIFF_BYTES = 4096;
    private static final int DETECT_BYTES = 64 * 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    static String decodeHtml(byte[] body, Charset declared) {
        return decode(body, declared, true);
    }

    static String decodeText(byte[] body, Charset declared) {
        return decode(body, declared, false);
    }

    private static String decode(byte[] body, Charset declared, boolean html) {
        Charset bom = byteOrderMark(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(body, skip, body.length - skip, bom);
        }
        return new String(body, charsetOf(body, declared, html));
    }

    static Charset charsetOf(byte[] body, Charset declared, boolean html) {
        if (declared != null) {
            return declared;
        }
        if (html) {
            Charset meta = metaCharset(body);
            if (meta != null) {
                return meta;
            }
        }
        if (isUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        Charset detected = detect(body);
        return detected != null ? detected : FALLBACK;
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset charset = forName(m.group(1));
        // A page that says UTF-16 in ASCII-compatible bytes is lying (HTML spec: treat as UTF-8).
        if (charset != null && charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
            return StandardCharsets.UTF_8;
        }
        return charset;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset detect(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, DETECT_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return name == null ? null : forName(name);
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
