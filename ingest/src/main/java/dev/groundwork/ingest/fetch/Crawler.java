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
 *       The README is recorded under the repository URL, with {@code finalUrl} the raw URL.</li>
 *   <li>A docs root ({@link CrawlScope}: an HTML page whose path ends in {@code /}, or in {@code index.html},
 *       {@code index} or {@code home/}): breadth first through {@code <a href>} links on the same host under the
 *       path prefix, to {@code crawl.maxDepth} hops and at most {@code crawl.maxPages} fetches, de-duplicated by
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
    private final FetchProperties.Crawl limits;

    public Crawler(Fetcher fetcher, FetchProperties properties) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.limits = properties.crawl();
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
            return List.of(new CrawledPage(resourceUrl, 0,
                    readme(resourceUrl, repository.get(), validators.apply(resourceUrl))));
        }
        return new DocsCrawl(fetcher, limits, validators).run(resourceUrl);
    }

    private FetchResult readme(String resourceUrl, GitHubRepository repository, Validators previous) {
        for (String candidate : repository.readmeCandidates()) {
            FetchResult result = fetcher.fetch(candidate, previous);
            if (!(result instanceof FetchFailure f && f.reason() == FetchFailure.Reason.HTTP_STATUS
                    && Integer.valueOf(404).equals(f.httpStatus()))) {
                return recordedAs(resourceUrl, result);
            }
        }
        return fetcher.fetch(resourceUrl, null);
    }

    private static FetchResult recordedAs(String resourceUrl, FetchResult result) {
        if (result instanceof FetchedPage page) {
            return page.requestedAs(resourceUrl);
        }
        if (result instanceof FetchFailure f) {
            return new FetchFailure(resourceUrl, f.reason(), f.httpStatus(), f.detail());
        }
        return new NotModified(resourceUrl);
    }
}
