package dev.groundwork.ingest.roadmap;

/**
 * A link the parser did not keep as a resource, reported with the import: a relative link ({@code /guides/…}),
 * an anchor or another scheme than http(s). Nothing else is made of it: no resource, no concept.
 *
 * @param topic  the title of the topic it was under, or {@code null} in the roadmap's overview
 * @param title  its link text, without a type prefix
 * @param url    its destination as written
 * @param reason why it was skipped, safe to show
 */
public record SkippedLink(String topic, String title, String url, String reason) {

    static SkippedLink of(String topic, String linkText, String destination) {
        String reason = destination.startsWith("#") ? "anchor: points into the roadmap itself"
                : destination.contains(":") ? "not an http(s) link"
                : "relative link: no site to resolve it against";
        String title = TitleCleaner.clean(ResourceKinds.split(linkText).title());
        return new SkippedLink(topic == null || topic.isEmpty() ? null : topic, title, destination, reason);
    }
}
