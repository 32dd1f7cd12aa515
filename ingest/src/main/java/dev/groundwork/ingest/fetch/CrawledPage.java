package dev.groundwork.ingest.fetch;

/**
 * One URL fetched while crawling a resource.
 *
 * @param url    the URL as requested (normalised for links found on pages; the resource URL as given for depth 0)
 * @param depth  link hops from the resource URL (0 for the resource itself)
 * @param result what fetching it gave
 */
public record CrawledPage(String url, int depth, FetchResult result) {
}
