package dev.groundwork.ingest.extract;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text → one paragraph block per run of non-blank lines (whitespace folded). The title is the first line when
 * it is short enough to be one. Stateless and thread-safe.
 */
final class PlainTextExtractor {

    static final String MEDIA_TYPE = "text/plain";
    private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n[ \\t\\x0B\\f\\u00A0]*(\\r?\\n)+");
    private static final int MAX_TITLE = 150;

    ExtractedDocument extract(String url, Charset declaredCharset, byte[] body) throws ExtractionFailed {
        String text = TextDecoder.decodeText(body, declaredCharset);
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(text)) {
            String folded = Whitespace.fold(paragraph);
            if (!folded.isEmpty()) {
                blocks.add(new Block(BlockKind.PARAGRAPH, 0, folded, null, 0, 0));
            }
        }
        if (blocks.isEmpty()) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT, "The document has no readable text.");
        }
        String firstLine = Whitespace.fold(text.strip().lines().findFirst().orElse(""));
        String title = firstLine.isEmpty() || firstLine.length() > MAX_TITLE ? null : firstLine;
        return ExtractedDocument.of(url, title, MEDIA_TYPE, blocks, 0);
    }
}
