package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private final Extractor extractor = new Extractor();

    private ExtractedDocument extract(String html) throws ExtractionFailed {
        return extractor.extract("https://example.org/doc", "text/html; charset=utf-8", StandardCharsets.UTF_8,
                html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheArticleOfASemanticShellAndDropsItsChrome() throws Exception {
        ExtractedDocument doc = extract("""
                <html><head><title>Pods - Docs</title><style>p{}</style></head><body>
                <div id="cookie-consent" class="cookie-banner">We use cookies. <button>Accept</button></div>
                <header class="site-header"><nav><a href="/">Home</a><a href="/docs">Docs</a></nav></header>
                <aside class="sidebar"><ul><li><a href="/a">Sibling page</a></li></ul></aside>
                <main>
                  <nav class="breadcrumbs"><ol><li>Home</li><li>Pods</li></ol></nav>
                  <article>
                    <h1>Pods</h1>
                    <p>A <strong>Pod</strong> is the smallest
                       deployable unit.</p>
                    <ul><li>one container<ul><li>or several</li></ul></li><li>shared network</li></ul>
                    <pre><code>kubectl get pods
                  -o wide</code></pre>
                    <table><tr><th>Field</th><th>Meaning</th></tr><tr><td>name</td><td>the pod's name</td></tr></table>
                    <blockquote><p>Pods are ephemeral.</p></blockquote>
                  </article>
                  <div class="page-meta"><a class="edit-this-page" href="#">Edit this page</a></div>
                  <div class="feedback"><p>Was this page helpful?</p><button>Yes</button></div>
                  <nav class="pagination-nav"><a rel="next">Next: Services</a></nav>
                </main>
                <aside class="toc-sidebar"><p>On this page</p></aside>
                <footer>Copyright 2026</footer>
                <script>track()</script>
                </body></html>
                """);

        assertThat(doc.title()).isEqualTo("Pods - Docs");
        assertThat(doc.blocks()).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(BlockKind.HEADING, 1, "Pods"),
                tuple(BlockKind.PARAGRAPH, 0, "A Pod is the smallest deployable unit."),
                tuple(BlockKind.LIST_ITEM, 1, "one container"),
                tuple(BlockKind.LIST_ITEM, 2, "or several"),
                tuple(BlockKind.LIST_ITEM, 1, "shared network"),
                tuple(BlockKind.CODE, 0, "kubectl get pods\n  -o wide"),
                tuple(BlockKind.TABLE, 0, "Field | Meaning\nname | the pod's name"),
                tuple(BlockKind.QUOTE, 0, "Pods are ephemeral."));
        assertThat(doc.text()).doesNotContain("cookies", "Home", "Sibling", "Edit this page", "helpful", "Next",
                "On this page", "Copyright", "track");
        Block code = doc.blocks().get(5);
        assertThat(doc.text().substring(code.start(), code.end())).isEqualTo(code.text());
    }

    @Test
    void keepsThePageContentOfAnOldDivLayout() throws Exception {
        ExtractedDocument doc = extract("""
                <html><body>
                <div id="header"><div class="logo"><a href="/">Full stack open</a></div>
                  <div class="menu"><div class="menu-item"><a href="/faq">FAQ</a></div></div></div>
                <div id="wrapper">
                  <div id="left-column" class="sidebar-left"><div class="side-link"><a href="/p1">Part 1</a></div></div>
                  <div id="main-column"><div class="page-content">
                    <div class="part-header"><p class="part-number">Part 4</p><h1>Testing the backend</h1></div>
                    <div class="content"><p>We will now start writing tests for the backend.</p></div>
                    <div class="page-footer-meta"><a href="#">Edit on GitHub</a> Last updated: 2026-03-15</div>
                  </div></div>
                </div>
                <div id="footer"><div class="copyright">University of Helsinki</div></div>
                </body></html>
                """);

        assertThat(doc.text()).isEqualTo("Part 4\n\nTesting the backend\n\nWe will now start writing tests for the backend.");
        assertThat(doc.title()).isEqualTo("Testing the backend");
    }

    @Test
    void keepsTheReadmeOfAGitHubRepositoryPage() throws Exception {
        ExtractedDocument doc = extract("""
                <html><head><title>GitHub - donnemartin/system-design-primer</title></head><body>
                <header class="HeaderMktg"><a href="/login">Sign in</a></header>
                <main id="js-repo-pjax-container"><div class="repository-content">
                  <div class="Box-header"><h2 class="Box-title">README.md</h2></div>
                  <article class="markdown-body entry-content"><h1>The System Design Primer</h1>
                    <p>Learn how to design large-scale systems.</p></article>
                  <div class="Layout-sidebar"><h2>About</h2><p>Learn how to design large-scale systems. Prep for the system design interview.</p></div>
                </div></main></body></html>
                """);

        assertThat(doc.text()).isEqualTo("The System Design Primer\n\nLearn how to design large-scale systems.");
    }

    @Test
    void findsTheTextOfAnUnlabelledDivLayoutByDensity() throws Exception {
        String paragraph = "<p>Consensus means agreeing on one value among several servers, even when some fail.</p>";
        ExtractedDocument doc = extract("<html><body><div class='top'><a href='/'>Home</a> <a href='/b'>Blog</a></div>"
                + "<div class='row'><div class='left'><a href='/1'>Link one</a><br><a href='/2'>Link two</a></div>"
                + "<div class='right'><h2>What is consensus?</h2>" + paragraph.repeat(4) + "</div></div>"
                + "<div class='bottom'>© 2026</div></body></html>");

        assertThat(doc.blocks()).first().extracting(Block::kind, Block::text)
                .containsExactly(BlockKind.HEADING, "What is consensus?");
        assertThat(doc.blocks()).hasSize(5);
        assertThat(doc.text()).doesNotContain("Home", "Link one", "©");
    }

    @Test
    void extractsClientSideTemplatesInPlace() throws Exception {
        ExtractedDocument doc = extract("""
                <html><body><div class="content">
                <script id="toc-template" type="text/x-handlebars-template"><ul class="toc"><li>1. Getting Started</li></ul></script>
                <div class="p-toc"></div>
                <script id="intro-template" type="text/x-handlebars-template">
                  <h2>1. Getting Started</h2><p>Kafka {{version}} is an event streaming platform.</p>
                </script>
                <div class="p-intro"></div>
                <script>var context = {};</script>
                </div></body></html>
                """);

        assertThat(doc.blocks()).extracting(Block::kind, Block::text).containsExactly(
                tuple(BlockKind.HEADING, "1. Getting Started"),
                tuple(BlockKind.PARAGRAPH, "Kafka {{version}} is an event streaming platform."));
    }

    @Test
    void detectsWindows1252WhenNoCharsetIsDeclared() throws Exception {
        byte[] body = "<html><body><p>Un café pour le naïve garçon, s'il vous plaît. Déjà vu à la crème brûlée.</p></body></html>"
                .getBytes(Charset.forName("windows-1252"));

        ExtractedDocument doc = extractor.extract("https://example.org/fr", "text/html", null, body);

        assertThat(doc.text()).contains("café", "naïve", "garçon", "plaît", "Déjà", "brûlée");
    }

    @Test
    void followsTheMetaCharsetWhenNoHeaderCharsetIsGiven() throws Exception {
        byte[] body = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Crème brûlée</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(extractor.extract("https://example.org/", "text/html", null, body).text()).isEqualTo("Crème brûlée");
    }

    @Test
    void prefersTheDeclaredCharsetOverTheMetaTag() throws Exception {
        byte[] body = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Zürich ✓</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract("https://example.org/", "text/html", StandardCharsets.UTF_8, body).text())
                .isEqualTo("Zürich ✓");
    }

    @Test
    void decodesUndeclaredUtf8() throws Exception {
        byte[] body = "<html><body><p>naïve — “quoted” 🎯</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract("https://example.org/", "text/html", null, body).text())
                .isEqualTo("naïve — “quoted” 🎯");
    }

    @Test
    void reportsAPageWithoutTextAsNoText() {
        assertThatThrownBy(() -> extract("<html><body><nav><a href='/'>Home</a></nav><img src='x.png'></body></html>"))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.NO_TEXT));
    }

    @Test
    void takesTheTitleFromTheFirstHeadingWhenThereIsNoTitleElement() throws Exception {
        assertThat(extract("<html><body><article><h2>Intro</h2><h1>Main title</h1><p>Body.</p></article></body></html>")
                .title()).isEqualTo("Main title");
    }

    @Test
    void marksBoldEmphasisCodeAndLinksOnTheFoldedText() throws Exception {
        ExtractedDocument doc = extract("""
                <html><body><article>
                <p>  The   <strong> Pod <a href="/pods">spec
                   file</a></strong>
                   holds  <em>every</em>&nbsp;<code>container</code> and <a href="https://x.test"> a
                   <code>kubectl</code>  link </a>now.</p>
                <ul><li>  <b>Term</b>	– the <i>definition</i></li></ul>
                <p>An <a name="top">anchor</a>, <kbd>Ctrl</kbd>+<samp>out</samp>.</p>
                <pre><code>no <b>marks</b> in code</code></pre>
                </article></body></html>
                """);

        Block paragraph = doc.blocks().get(0);
        assertThat(paragraph.text()).isEqualTo("The Pod spec file holds every container and a kubectl link now.");
        assertThat(Marks.of(paragraph)).containsExactly("STRONG Pod spec file", "LINK spec file", "EMPHASIS every",
                "CODE container", "LINK a kubectl link", "CODE kubectl");
        assertThat(Marks.of(doc.blocks().get(1))).containsExactly("STRONG Term", "EMPHASIS definition");
        assertThat(doc.blocks().get(1).text()).isEqualTo("Term – the definition");
        assertThat(Marks.of(doc.blocks().get(2))).containsExactly("CODE Ctrl", "CODE out");
        assertThat(doc.blocks().get(3).kind()).isEqualTo(BlockKind.CODE);
        assertThat(doc.blocks().get(3).marks()).isEmpty();
    }

    @Test
    void marksEveryBlockThatALinkSpans() throws Exception {
        ExtractedDocument doc = extract("""
                <html><body><article><p>Related pages:</p>
                <a href="/a"><div>Scaling reads</div><div>Replicas and caches</div></a>
                <ul><li><a href="/b">Sharding</a></li><li>Plain <a href="/c"><img src="x.png"></a></li></ul>
                </article></body></html>
                """);

        assertThat(doc.blocks()).extracting(Block::text, Marks::of).containsExactly(
                tuple("Related pages:", List.of()),
                tuple("Scaling reads", List.of("LINK Scaling reads")),
                tuple("Replicas and caches", List.of("LINK Replicas and caches")),
                tuple("Sharding", List.of("LINK Sharding")),
                tuple("Plain", List.of()));
    }
}
