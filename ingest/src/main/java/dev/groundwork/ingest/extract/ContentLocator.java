package dev.groundwork.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Finds the article inside a page's site shell. Three steps: client-side templates
 * ({@code <script type="text/x-handlebars-template">}) are parsed and put in place of their script; the shell is
 * removed (navigation, headers, footers, sidebars, breadcrumbs, tables of contents, cookie banners, feedback widgets,
 * edit links, pagers, scripts, forms); then the main container is picked by well-known selectors, falling back to
 * the smallest element holding most of the page's non-link text.
 */
final class ContentLocator {

    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "form",
            "button", "input", "select", "textarea", "iframe", "svg", "canvas", "nav", "aside", "footer", "dialog",
            "link", "meta", "object", "embed", "video", "audio", "map");
    private static final Set<String> SHELL_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "dialog", "alertdialog", "menu", "menubar");
    /** Parts of a class or id (split on '-' and '_') that mark site chrome. */
    private static final Set<String> SHELL_WORDS = Set.of("nav", "navbar", "navigation", "menu", "breadcrumb",
            "breadcrumbs", "toc", "sidebar", "footer", "cookie", "cookies", "consent", "feedback", "helpful",
            "pagination", "pager", "skip", "announce", "social", "share", "sharing", "search", "searchbox",
            "pagehead", "masthead", "subnav", "navindicator", "edit", "rating");
    /** Whole class names or ids that mark site chrome but whose words are also used for content. */
    private static final Set<String> SHELL_NAMES = Set.of("header", "site-header", "page-header-nav", "topbar",
            "cc-window", "cc-banner", "page-meta", "left-column", "right-column", "related", "comments",
            "newsletter", "advert", "ads", "banner");
    /** Tags whose class, id or role can mark them as chrome; headings, links, code and table cells never are. */
    private static final Set<String> NAMED_SHELL_TAGS = Set.of("div", "section", "ul", "ol", "dl", "p", "span",
            "details", "header", "center", "small");
    private static final Pattern NAME_PARTS = Pattern.compile("[-_]+");
    private static final String[] CONTAINERS = {"article.markdown-body", ".markdown-body", "main article",
            "[role=main] article", "article", "main", "[role=main]", ".page-content", "#content", "#main-content",
            ".main-content", "#main", ".post-content", ".entry-content", ".content"};
    /** A container must hold at least this share of the cleaned page's text to be believed. */
    private static final double MIN_SHARE = 0.4;
    /** Text after the container counts as spilled article text from this share of the container's text on. */
    private static final double SPILL_SHARE = 0.25;
    private static final double MAX_SPILL_LINK_SHARE = 0.5;
    /** The density fallback descends into a child holding at least this share of its parent's non-link text. */
    private static final double DESCEND_SHARE = 0.8;

    private ContentLocator() {
    }

    /**
     * Cleans the document in place and returns the elements holding the article, in document order: the main
     * container (at worst the body), plus any article text that a broken tree pushed out of it (see {@link #spill}).
     */
    static List<Element> locate(Document doc) {
        expandTemplates(doc);
        removeShell(doc);
        Element body = doc.body();
        int total = body.text().length();
        for (String selector : CONTAINERS) {
            Element best = null;
            int bestLength = 0;
            for (Element candidate : doc.select(selector)) {
                int length = candidate.text().length();
                if (length > bestLength) {
                    best = candidate;
                    bestLength = length;
                }
            }
            if (best != null && bestLength > 0 && bestLength >= MIN_SHARE * total) {
                List<Element> roots = new ArrayList<>();
                roots.add(best);
                roots.addAll(spill(best, bestLength));
                return roots;
            }
        }
        return List.of(densest(body));
    }

    /**
     * Text that belongs to the article but sits after its container. A stray end tag in the article (say a
     * {@code </div>} with no open {@code div}) closes the container early, in jsoup as in browsers, and the rest of
     * the article lands in the container's ancestors. After the shell is removed, what follows the container is
     * then a large, prose-like (few links) run of siblings; small trailing widgets are left out.
     */
    private static List<Element> spill(Element container, int containerLength) {
        List<Element> following = new ArrayList<>();
        for (Element at = container; at.parent() != null && !at.normalName().equals("body"); at = at.parent()) {
            for (Element sibling = at.nextElementSibling(); sibling != null; sibling = sibling.nextElementSibling()) {
                following.add(sibling);
            }
        }
        int length = 0;
        int linkLength = 0;
        for (Element el : following) {
            length += el.text().length();
            for (Element link : el.select("a")) {
                linkLength += link.text().length();
            }
        }
        boolean spilled = length >= SPILL_SHARE * containerLength && linkLength < MAX_SPILL_LINK_SHARE * length;
        return spilled ? following : List.of();
    }

    private static void expandTemplates(Document doc) {
        int movedFromHead = 0;
        for (Element script : doc.select("script[type=text/x-handlebars-template]")) {
            Element wrapper = new Element("div");
            if (!script.id().isEmpty()) {
                wrapper.id(script.id());
            }
            List<Node> nodes = Parser.parseFragment(script.data(), wrapper, doc.location());
            wrapper.appendChildren(new ArrayList<>(nodes));
            if (script.closest("head") != null) {
                // A page fragment that starts with scripts has them parsed into <head>; content belongs in the body.
                script.remove();
                doc.body().insertChildren(movedFromHead++, wrapper);
            } else {
                script.replaceWith(wrapper);
            }
        }
    }

    private static void removeShell(Document doc) {
        List<Element> doomed = new ArrayList<>();
        for (Element el : doc.body().getAllElements()) {
            if (isShell(el)) {
                doomed.add(el);
            }
        }
        for (Element el : doomed) {
            el.remove();
        }
    }

    static boolean isShell(Element el) {
        String tag = el.normalName();
        if (DROPPED_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("header")) {
            return el.selectFirst("h1") == null;
        }
        if (!NAMED_SHELL_TAGS.contains(tag)) {
            return false;
        }
        String role = el.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("tablist")) {
            return false;
        }
        if (SHELL_ROLES.contains(role)) {
            return true;
        }
        // Section ids are generated from heading text ("search-tutorial"), so only classes count there.
        if (!tag.equals("section") && isShellName(el.id())) {
            return true;
        }
        for (String name : el.classNames()) {
            if (isShellName(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShellName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (SHELL_NAMES.contains(lower)) {
            return true;
        }
        for (String part : NAME_PARTS.split(lower)) {
            if (SHELL_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest element that holds most of the page's non-link text (a text-density fallback for div layouts). */
    private static Element densest(Element body) {
        Map<Element, Integer> weights = new IdentityHashMap<>();
        weigh(body, weights);
        Element current = body;
        while (true) {
            int own = weights.getOrDefault(current, 0);
            Element next = null;
            for (Element child : current.children()) {
                if (weights.getOrDefault(child, 0) >= DESCEND_SHARE * own && own > 0) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
    }

    /** Non-link text length of each element, computed bottom-up in one pass. */
    private static int weigh(Element el, Map<Element, Integer> weights) {
        int sum = 0;
        boolean link = el.normalName().equals("a");
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode text) {
                sum += link ? 0 : text.text().trim().length();
            } else if (child instanceof Element element) {
                int w = weigh(element, weights);
                sum += link ? 0 : w;
            }
        }
        weights.put(el, sum);
        return sum;
    }
}
