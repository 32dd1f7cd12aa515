package dev.groundwork.ingest.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One GitHub repository read as a guide: its README, then breadth first the Markdown documents of the same repository
 * its Markdown links to ({@link GitHubRepository#target}), to {@code crawl.maxDepth} hops and at most
 * {@code github.maxDocuments} fetches besides the README. Single use, single thread.
 *
 * <p>Without the GitHub API there is no folder listing, so a linked folder (e.g. {@code docs/}) stands for its
 * {@code README.md}, or else its {@code index.md}, whose links are followed like any other document's. Documents come
 * from raw.githubusercontent.com on the branch that served the README and are recorded under their github.com
 * {@code blob} URL on that branch (what a citation points to), {@code finalUrl} the raw URL. Housekeeping files
 * (contributing, licence, changelog, code of conduct, security, translation lists) and README translations
 * ({@code README-ja.md}) are not followed; a document whose bytes were recorded already is not recorded again.
 */
final class GitHubGuide {

    private record Queued(List<String> candidates, int depth) {
    }

    private static final String README = "README.md";
    private static final Pattern HOUSEKEEPING = Pattern.compile("(?i)(?:.*/)?(?:CONTRIBUTING|CODE_OF_CONDUCT|LICEN[CS]E"
            + "|CHANGELOG|CHANGES|SECURITY|TRANSLATIONS|README[-._][a-z]{2}(?:[-_][a-z]{2,4})?)\\.(?:md|markdown)");

    private final Fetcher fetcher;
    private final GitHubRepository repository;
    private final int maxDepth;
    private final int maxDocuments;
    private final Function<String, Validators> known;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> contentHashes = new HashSet<>();
    private final List<CrawledPage> pages = new ArrayList<>();
    private String branch;

    GitHubGuide(Fetcher fetcher, GitHubRepository repository, FetchProperties properties,
            Function<String, Validators> known) {
        this.fetcher = fetcher;
        this.repository = repository;
        this.maxDepth = properties.crawl().maxDepth();
        this.maxDocuments = properties.github().maxDocuments();
        this.known = known;
    }

    List<CrawledPage> run(String resourceUrl) {
        FetchResult readme = null;
        for (String candidate : GitHubRepository.BRANCHES) {
            readme = fetcher.fetch(repository.rawUrl(candidate, README), known.apply(resourceUrl));
            if (!isNotFound(readme)) {
                branch = candidate;
                break;
            }
        }
        if (branch == null) {
            return List.of(new CrawledPage(resourceUrl, 0, fetcher.fetch(resourceUrl, null)));
        }
        pages.add(new CrawledPage(resourceUrl, 0, recordedAs(resourceUrl, readme)));
        queued.addAll(List.of(README, ""));
        follow(README, readme, 0);
        int fetched = 0;
        while (!queue.isEmpty() && fetched < maxDocuments) {
            Queued next = queue.poll();
            for (int i = 0; i < next.candidates().size() && fetched < maxDocuments; i++) {
                String path = next.candidates().get(i);
                String citable = repository.blobUrl(branch, path);
                FetchResult result = fetcher.fetch(repository.rawUrl(branch, path), known.apply(citable));
                fetched++;
                if (isNotFound(result) && i + 1 < next.candidates().size()) {
                    continue;
                }
                if (!(result instanceof FetchedPage page) || contentHashes.add(page.contentHash())) {
                    pages.add(new CrawledPage(citable, next.depth(), recordedAs(citable, result)));
                    follow(path, result, next.depth());
                }
                break;
            }
        }
        return List.copyOf(pages);
    }

    /** Queues the repository documents a fetched document at {@code path} links to. */
    private void follow(String path, FetchResult result, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        Optional<FetchedPage> source = result instanceof FetchedPage page ? Optional.of(page)
                : result instanceof NotModified && fetcher.fetch(repository.rawUrl(branch, path), null)
                        instanceof FetchedPage fresh ? Optional.of(fresh) : Optional.empty();
        if (source.isEmpty() || !ContentTypes.MARKDOWN.equals(source.get().mediaType())) {
            return;
        }
        contentHashes.add(source.get().contentHash());
        for (String link : MarkdownLinks.of(source.get())) {
            repository.target(link, path).filter(t -> !HOUSEKEEPING.matcher(t.path()).matches())
                    .filter(t -> queued.add(t.path()))
                    .ifPresent(t -> queue.add(new Queued(t.folder()
                            ? List.of(t.path() + README, t.path() + "index.md") : List.of(t.path()), depth + 1)));
        }
    }

    private static boolean isNotFound(FetchResult result) {
        return result instanceof FetchFailure f && f.reason() == FetchFailure.Reason.HTTP_STATUS
                && Integer.valueOf(404).equals(f.httpStatus());
    }

    private static FetchResult recordedAs(String url, FetchResult result) {
        if (result instanceof FetchedPage page) {
            return page.requestedAs(url);
        }
        if (result instanceof FetchFailure f) {
            return new FetchFailure(url, f.reason(), f.httpStatus(), f.detail());
        }
        return new NotModified(url);
    }
}
