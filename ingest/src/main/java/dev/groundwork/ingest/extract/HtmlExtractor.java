package dev.groundwork.ingest.extract;

import java.nio.charset.Charset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * HTML → the article's blocks, without the site shell. Decoding follows {@link TextDecoder}; the article is found by
 * {@link ContentLocator} and written by {@link HtmlBlockWriter}. Stateless and thread-safe.
 */
final class HtmlExtractor {

    static final String MEDIA_TYPE = "text/html";

    ExtractedDocument extract(String url, Charset declaredCharset, byte[] body) throws ExtractionFailed {
        String html = TextDecoder.decodeHtml(body, declaredCharset);
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        String title = Whitespace.fold(doc.title());
        List<Block> blocks = HtmlBlockWriter.write(ContentLocator.locate(doc));
        if (blocks.isEmpty()) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT, "The page has no readable text.");
        }
        if (title.isEmpty()) {
            title = blocks.stream()
                    .filter(b -> b.kind() == BlockKind.HEADING)
                    .sorted((a, b) -> Integer.compare(a.level(), b.level()))
                    .map(Block::text)
                    .findFirst()
                    .orElse(null);
        }
        return ExtractedDocument.of(url, title, MEDIA_TYPE, blocks, 0);
    }
}
