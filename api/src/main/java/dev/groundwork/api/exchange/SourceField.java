package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.ImportedCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Source field of an exported note: a link to the document, its heading path and page, readable in Anki
 * ({@code <a href="URL">Title</a> › Heading › Subheading · p. 3}) and carrying the same values in {@code data-}
 * attributes so that an import reads them back exactly. A field without those attributes (edited in Anki, or from
 * elsewhere) is read from its visible text. Only http(s) links and Groundwork's own {@code groundwork:} links are kept.
 * Stateless.
 */
final class SourceField {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final String SEPARATOR = " › ";
    private static final Pattern PAGE = Pattern.compile("(?:\\s*·\\s*|\\s+)(?:p\\.|page)\\s*(\\d{1,6})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_URL = Pattern.compile("^(https?://\\S+)");

    private SourceField() {
    }

    /** The field's HTML for an anchor; empty without a URL. */
    static String of(String url, String title, List<String> headingPath, Integer page) {
        if (url == null || url.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<a href=\"").append(FieldHtml.attribute(url)).append('"');
        if (!headingPath.isEmpty()) {
            html.append(" data-heading-path=\"").append(FieldHtml.attribute(JSON.writeValueAsString(headingPath)))
                    .append('"');
        }
        if (page != null) {
            html.append(" data-page=\"").append(page).append('"');
        }
        if (title != null) {
            html.append(" data-title=\"").append(FieldHtml.attribute(title)).append('"');
        }
        html.append('>').append(FieldHtml.of(title == null || title.isBlank() ? url : title)).append("</a>");
        for (String heading : headingPath) {
            html.append(SEPARATOR).append(FieldHtml.of(heading));
        }
        if (page != null) {
            html.append(" · p. ").append(page);
        }
        return html.toString();
    }

    /** The source a field names, with {@code quote}; {@code null} when it names no URL and the quote is empty. */
    static ImportedCard.Source parse(String html, String quote) {
        String url = null;
        String title = null;
        List<String> headings = List.of();
        Integer page = null;
        if (html != null && !html.isBlank()) {
            Element body = Jsoup.parseBodyFragment(html).body();
            Element link = body.selectFirst("a[href]");
            String visible = FieldHtml.text(html).text();
            if (link != null) {
                url = safe(link.attr("href").strip());
                title = link.hasAttr("data-title") ? link.attr("data-title") : FieldHtml.text(link.html()).text();
                String linkText = FieldHtml.text(link.html()).text();
                int after = visible.indexOf(linkText);
                visible = after < 0 ? "" : visible.substring(after + linkText.length());
            } else {
                Matcher bare = BARE_URL.matcher(visible.strip());
                if (bare.find()) {
                    url = bare.group(1);
                    visible = visible.strip().substring(bare.end());
                }
                title = null;
            }
            Matcher pageMatch = PAGE.matcher(visible);
            if (pageMatch.find()) {
                page = Integer.valueOf(pageMatch.group(1));
                visible = visible.substring(0, pageMatch.start());
            }
            headings = Arrays.stream(visible.split("›")).map(String::strip).filter(h -> !h.isEmpty()).toList();
            if (link != null && link.hasAttr("data-heading-path")) {
                headings = strings(link.attr("data-heading-path"), headings);
            }
            if (link != null && link.hasAttr("data-page")) {
                page = integer(link.attr("data-page"), page);
            }
        }
        String q = quote == null ? "" : quote;
        if (url == null && q.isBlank()) {
            return null;
        }
        return new ImportedCard.Source(url, url == null ? null : title, url == null ? List.of() : headings,
                url == null ? null : page, q);
    }

    private static String safe(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("groundwork:")
                ? href : null;
    }

    private static List<String> strings(String json, List<String> fallback) {
        try {
            List<String> values = JSON.readValue(json, STRINGS);
            return values == null ? fallback : new ArrayList<>(values.stream().filter(v -> v != null).toList());
        } catch (JacksonException notJson) {
            return fallback;
        }
    }

    private static Integer integer(String value, Integer fallback) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
