package dev.groundwork.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The {@code <a href>} targets of an HTML page, absolute and normalised, in document order, without duplicates. */
final class PageLinks {

    private PageLinks() {
    }

    static List<String> of(FetchedPage page) {
        if (!ContentTypes.HTML.equals(page.mediaType())) {
            return List.of();
        }
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(page.body()),
                    page.charset() == null ? null : page.charset().name(), page.finalUrl());
        } catch (IOException e) {
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : document.select("a[href]")) {
            UrlNormalizer.normalize(anchor.absUrl("href")).ifPresent(links::add);
        }
        return List.copyOf(links);
    }
}
