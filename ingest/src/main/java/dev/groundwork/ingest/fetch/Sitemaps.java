package dev.groundwork.ingest.fetch;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a docs root's site lists in its sitemaps, parsed by crawler-commons.
 *
 * <p>The sitemaps are those the origin's robots.txt names ({@code Sitemap:} lines), else {@code /sitemap.xml}. A
 * sitemap index adds its sitemaps to the queue; at most {@code crawl.maxSitemaps} files are read per root, each
 * fetched by the {@link Fetcher} with all its safeguards (robots, URL guard, rewrites, size cap). A gzipped sitemap is
 * inflated up to {@code maxBodySize}. Only page URLs inside the root's {@link CrawlScope} are kept (normalised, in
 * sitemap order, without non-documents), at most the number asked for. Never throws for a broken sitemap: it is
 * skipped. Thread-safe.
 */
final class Sitemaps {

    private static final Logger log = LoggerFactory.getLogger(Sitemaps.class);

    private final Fetcher fetcher;
    private final int maxFiles;
    private final long maxBytes;

    Sitemaps(Fetcher fetcher, FetchProperties properties) {
        this.fetcher = fetcher;
        this.maxFiles = properties.crawl().maxSitemaps();
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    /** Up to {@code limit} page URLs in {@code scope} that the sitemaps of {@code rootUrl}'s origin list. */
    List<String> pages(String rootUrl, CrawlScope scope, int limit) {
        Deque<String> files = new ArrayDeque<>(fetcher.sitemapsNamedInRobots(rootUrl));
        if (files.isEmpty()) {
            files.add(URI.create(rootUrl).resolve("/sitemap.xml").toString());
        }
        Set<String> read = new HashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        SiteMapParser parser = new SiteMapParser(false);
        while (!files.isEmpty() && read.size() < maxFiles && pages.size() < limit) {
            String file = files.poll();
            if (!read.add(file)) {
                continue;
            }
            Optional<AbstractSiteMap> sitemap = fetcher.fetchFile(file).flatMap(raw -> parse(parser, raw));
            if (sitemap.isPresent() && sitemap.get() instanceof SiteMapIndex index) {
                index.getSitemaps().forEach(child -> files.add(child.getUrl().toString()));
            } else if (sitemap.isPresent() && sitemap.get() instanceof SiteMap map) {
                for (SiteMapURL entry : map.getSiteMapUrls()) {
                    UrlNormalizer.normalize(entry.getUrl().toString())
                            .filter(url -> scope.contains(url) && !UrlNormalizer.isNonDocument(url))
                            .filter(url -> pages.size() < limit).ifPresent(pages::add);
                }
            }
        }
        return List.copyOf(pages);
    }

    private Optional<AbstractSiteMap> parse(SiteMapParser parser, Fetcher.RawFile raw) {
        try {
            byte[] body = raw.body();
            String contentType = raw.contentType();
            if (body.length > 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
                body = inflate(body);
                contentType = "application/xml";
            }
            return Optional.of(parser.parseSiteMap(contentType, body, new URL(raw.finalUrl())));
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            log.debug("sitemap {} skipped: {}", raw.finalUrl(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Inflates gzip up to {@code maxBytes}; more is refused like an oversized body. */
    private byte[] inflate(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (inflated.length > maxBytes) {
                throw new IOException("inflates to more than " + Transport.size(maxBytes));
            }
            return inflated;
        }
    }
}
