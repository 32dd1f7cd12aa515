package dev.groundwork.ingest.fetch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fetches everything one roadmap resource stands for.
 *
 * <ul>
 *   <li>A GitHub repository URL ({@code https://github.com/{owner}/{repo}}, nothing deeper): its README as raw
 *       Markdown from {@code raw.githubusercontent.com}, trying the branches {@code HEAD}, {@code main},
 *       {@code master} and stopping at the first that is not a 404 (the repository page itself if none has one).
 *       The README is recorded under the repository URL, with {@code finalUrl} the raw URL. Then, within
 *       {@code github.maxDocuments}, the Markdown documents of the same repository it links to, and a linked
 *       {@code docs/} folder through its README or index ({@link GitHubGuide}).</li>
 *   <li>A docs root ({@link CrawlScope}: an HTML page whose path ends in {@code /}, or in {@code index.html},
 *       {@code index} or {@code home/}): breadth first through {@code <a href>} links on the same host under the
 *       path prefix (first the in-scope pages of the site's sitemap, when it has one), to {@code crawl.maxDepth} hops
 *       and at most {@code crawl.maxPages} fetches, de-duplicated by
 *       normalised URL, skipping images, styles, scripts, fonts and archives. PDF links are followed from any crawled
 *       page, on any host.</li>
 *   <li>Anything else: just that URL.</li>
 * </ul>
 *
 * <p>Every URL fetched is in the result, failures included, the resource URL first, then breadth-first order. Fetches
 * run one after another on the calling thread (deterministic order; the per-host delay applies). Thread-safe: a
 * crawl keeps its state to itself, so several threads may crawl different resources at once.
 */
public final class Crawler {

    private final Fetcher fetcher;
    private final FetchProperties properties;
    private final Sitemaps sitemaps;

    public Crawler(Fetcher fetcher, FetchProperties properties) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.properties = properties;
        this.sitemaps = new Sitemaps(fetcher, properties);
    }

    /**
     * Crawls {@code resourceUrl}.
     *
     * @param known validators held from an earlier run for a URL (as it appears in {@link CrawledPage#url()}), or
     *              null; the function itself may be null
     */
    public List<CrawledPage> crawl(String resourceUrl, Function<String, Validators> known) {
        Function<String, Validators> validators = known == null ? url -> null : known;
        Optional<GitHubRepository> repository = GitHubRepository.of(resourceUrl);
        if (repository.isPresent()) {
            return new GitHubGuide(fetcher, repository.get(), properties, validators).run(resourceUrl);
        }
        return new DocsCrawl(fetcher, properties.crawl(), sitemaps, validators).run(resourceUrl);
    }
}
