package dev.groundwork.ingest.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One breadth-first crawl from a seed URL; see {@link Crawler} for the rules. Single use, single thread.
 *
 * <p>When {@code crawl.sitemaps} is on and the root's site has a sitemap ({@link Sitemaps}), the in-scope pages it
 * lists are queued first, at depth 1, before the root's links; link crawling fills what the page limit leaves, and
 * is all there is when the site has no sitemap.
 *
 * <p>Links are taken from HTML pages at depth {@code < maxDepth}. A page whose final URL or bytes were recorded
 * already in this crawl is not recorded again (it still counts as a fetch). A page that answers 304 has no body to take links
 * from, so it is fetched once more without validators for its links (its result stays {@link NotModified}); PDFs
 * never are.
 */
final class DocsCrawl {

    private record Queued(String url, int depth) {
    }

    private final Fetcher fetcher;
    private final FetchProperties.Crawl limits;
    private final Sitemaps sitemaps;
    private final Function<String, Validators> known;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> recorded = new HashSet<>();
    private final Set<String> contentHashes = new HashSet<>();
    private final List<CrawledPage> pages = new ArrayList<>();
    private CrawlScope scope;

    DocsCrawl(Fetcher fetcher, FetchProperties.Crawl limits, Sitemaps sitemaps, Function<String, Validators> known) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.sitemaps = sitemaps;
        this.known = known;
    }

    List<CrawledPage> run(String seed) {
        FetchResult root = fetcher.fetch(seed, known.apply(seed));
        pages.add(new CrawledPage(seed, 0, root));
        Optional<FetchedPage> rootPage = CrawlScope.of(seed).isPresent() || root instanceof FetchedPage
                ? linkSource(seed, root) : Optional.empty();
        scope = rootPage.flatMap(p -> CrawlScope.of(p.finalUrl())).orElse(null);
        if (scope == null) {
            return List.copyOf(pages);
        }
        contentHashes.add(rootPage.get().contentHash());
        for (String url : List.of(seed, rootPage.get().finalUrl())) {
            UrlNormalizer.normalize(url).ifPresent(u -> {
                queued.add(u);
                recorded.add(u);
            });
        }
        if (limits.sitemaps() && limits.maxDepth() > 0) {
            for (String url : sitemaps.pages(rootPage.get().finalUrl(), scope, limits.maxPages() - 1)) {
                if (queued.add(url)) {
                    queue.add(new Queued(url, 1));
                }
            }
        }
        enqueueLinks(rootPage.get(), 0);
        int fetched = 1;
        while (!queue.isEmpty() && fetched < limits.maxPages()) {
            Queued next = queue.poll();
            if (recorded.contains(next.url())) {
                continue;
            }
            FetchResult result = fetcher.fetch(next.url(), known.apply(next.url()));
            fetched++;
            recorded.add(next.url());
            if (result instanceof FetchedPage page && isDuplicate(next.url(), page)) {
                continue;
            }
            pages.add(new CrawledPage(next.url(), next.depth(), result));
            if (next.depth() < limits.maxDepth()) {
                linkSource(next.url(), result).ifPresent(page -> enqueueLinks(page, next.depth()));
            }
        }
        return List.copyOf(pages);
    }

    /**
     * A redirect that landed on a page recorded already (e.g. {@code /a} → {@code /a/}), or the same bytes under
     * another URL (e.g. {@code /} and {@code /index.html}).
     */
    private boolean isDuplicate(String url, FetchedPage page) {
        Optional<String> landed = UrlNormalizer.normalize(page.finalUrl());
        boolean sameUrl = landed.isPresent() && !landed.get().equals(url) && !recorded.add(landed.get());
        return !contentHashes.add(page.contentHash()) || sameUrl;
    }

    private Optional<FetchedPage> linkSource(String url, FetchResult result) {
        if (result instanceof FetchedPage page) {
            return ContentTypes.HTML.equals(page.mediaType()) ? Optional.of(page) : Optional.empty();
        }
        if (result instanceof NotModified && !UrlNormalizer.normalize(url).map(UrlNormalizer::isPdf).orElse(true)
                && fetcher.fetch(url, null) instanceof FetchedPage fresh && ContentTypes.HTML.equals(fresh.mediaType())) {
            contentHashes.add(fresh.contentHash());
            return Optional.of(fresh);
        }
        return Optional.empty();
    }

    private void enqueueLinks(FetchedPage page, int depth) {
        if (depth >= limits.maxDepth()) {
            return;
        }
        for (String link : PageLinks.of(page)) {
            if (UrlNormalizer.isNonDocument(link)) {
                continue;
            }
            if ((UrlNormalizer.isPdf(link) || scope.contains(link)) && queued.add(link)) {
                queue.add(new Queued(link, depth + 1));
            }
        }
    }
}
