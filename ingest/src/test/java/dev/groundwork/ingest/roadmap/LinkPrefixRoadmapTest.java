package dev.groundwork.ingest.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * A roadmap in the style roadmap sites publish: a description per topic, then "Visit the following resources to
 * learn more:" and links whose text starts with a type prefix ({@code [@article@Title](url)}).
 */
class LinkPrefixRoadmapTest {

    static final String FIXTURE = "/roadmap-format/observability-link-prefix.md";

    private final Roadmap roadmap = new RoadmapParser().parse(fixture());

    @Test
    void readsTheTopicTreeFromNestedHeadings() {
        assertThat(roadmap.title()).isEqualTo("Observability Engineer");
        assertThat(roadmap.allTopics()).extracting(Topic::key).containsExactly("metrics", "metrics/naming-and-labels",
                "tracing", "tracing/context-propagation", "logs");
    }

    @Test
    void turnsTheTypePrefixIntoTheResourceKindAndLeavesTheTitleClean() {
        assertThat(topic("metrics").resources()).extracting(ResourceRef::title, ResourceRef::type).containsExactly(
                tuple("Prometheus data model", "official"), tuple("Metric types explained", "article"),
                tuple("Prometheus in 100 seconds", "video"));
        assertThat(topic("metrics/naming-and-labels").resources()).extracting(ResourceRef::title, ResourceRef::type)
                .as("odd casing and spacing in the prefix")
                .containsExactly(tuple("Metric and label naming", "official"),
                        tuple("system-design-primer", "opensource"), tuple("Observability primer", "podcast"));
        assertThat(topic("logs").resources()).extracting(ResourceRef::type).containsExactly("article", "article");
    }

    @Test
    void keepsNoLinkTextAsAConcept() {
        assertThat(roadmap.allTopics()).allSatisfy(t -> assertThat(t.concepts()).as(t.key()).isEmpty());
        assertThat(roadmap.allTopics()).flatExtracting(Topic::resources).extracting(ResourceRef::title)
                .noneMatch(title -> title.contains("@"));
    }

    @Test
    void describesTopicsWithoutTheResourcesLeadIn() {
        assertThat(topic("metrics").description())
                .isEqualTo("Metrics are numbers measured over time and aggregated, such as request rates and latencies.");
        assertThat(topic("tracing").description()).isEqualTo("Distributed tracing follows one request through many services.");
        assertThat(roadmap.allTopics()).extracting(Topic::description)
                .noneMatch(d -> d.contains("Visit the following resources"));
    }

    @Test
    void readsTheLeadInAsABoldLabelOrASubHeadingWithoutOpeningATopic() {
        assertThat(topic("tracing").resources()).extracting(ResourceRef::type)
                .containsExactly("official", "course", "video");
        assertThat(topic("tracing/context-propagation").children()).isEmpty();
        assertThat(topic("tracing/context-propagation").resources()).extracting(ResourceRef::title, ResourceRef::type)
                .containsExactly(tuple("Context propagation", "feed"), tuple("Baggage", "article"),
                        tuple("Propagation explained in ten minutes", "video"));
    }

    @Test
    void makesEveryVideoHostLinkAVideoWhateverItsPrefix() {
        assertThat(roadmap.allTopics()).flatExtracting(Topic::resources).filteredOn(r -> r.type().equals("video"))
                .extracting(ResourceRef::url).containsExactly("https://www.youtube.com/watch?v=h4Sl21AKiDg",
                        "https://vimeo.com/76979871", "https://youtu.be/abc123XYZ_0");
    }

    @Test
    void reportsRelativeLinksAsSkippedAndKeepsNothingOfThem() {
        assertThat(roadmap.skippedLinks()).extracting(SkippedLink::topic, SkippedLink::title, SkippedLink::url)
                .containsExactly(tuple("Metrics", "Our guide to dashboards", "/guides/dashboards"),
                        tuple("Logs", "Observability Engineering, the book", "/books/observability-engineering"));
        assertThat(roadmap.skippedLinks()).extracting(SkippedLink::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("relative link"));
        assertThat(roadmap.allTopics()).flatExtracting(Topic::resources).extracting(ResourceRef::title)
                .doesNotContain("Our guide to dashboards", "Observability Engineering, the book");
    }

    @Test
    void keepsTheSkippedLinksWhenTheTreeMovesToAnotherId() {
        assertThat(roadmap.withId("observability-2").skippedLinks()).isEqualTo(roadmap.skippedLinks());
    }

    @Test
    void readsThePrefixInAnyCaseWithSpacesAndSeparators() {
        assertThat(ResourceKinds.split(" @ Open Source @ Title ")).isEqualTo(new ResourceKinds.Prefixed("opensource", "Title "));
        assertThat(ResourceKinds.split("@VIDEO@Talk")).isEqualTo(new ResourceKinds.Prefixed("video", "Talk"));
        assertThat(ResourceKinds.split("user@example.com notes").kind()).isNull();
        assertThat(ResourceKinds.split("Plain title").kind()).isNull();
    }

    @Test
    void tellsVideoHostsAndTheirSubdomainsFromLookalikes() {
        assertThat(ResourceKinds.isVideo("https://m.youtube.com/watch?v=x")).isTrue();
        assertThat(ResourceKinds.isVideo("https://player.vimeo.com/video/1")).isTrue();
        assertThat(ResourceKinds.isVideo("https://YOUTU.BE/x")).isTrue();
        assertThat(ResourceKinds.isVideo("https://notyoutube.com/watch")).isFalse();
        assertThat(ResourceKinds.isVideo("https://example.com/youtube.com")).isFalse();
        assertThat(ResourceKinds.isVideo("not a url")).isFalse();
    }

    @Test
    void keepsAResourceLeadInOutOfAnOrdinaryRoadmapsConcepts() {
        Roadmap plain = new RoadmapParser().parse("""
                # Databases
                ## Indexes
                Check out these links:
                - [B-tree basics](https://example.com/btree)
                - Covering indexes
                """);
        Topic indexes = plain.topics().get(0);
        assertThat(indexes.description()).isNull();
        assertThat(indexes.resources()).extracting(ResourceRef::title, ResourceRef::type)
                .containsExactly(tuple("B-tree basics", "link"), tuple("Covering indexes", "reference"));
        assertThat(indexes.concepts()).isEmpty();
    }

    private Topic topic(String key) {
        return roadmap.allTopics().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    private static byte[] fixture() {
        try (InputStream in = LinkPrefixRoadmapTest.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
