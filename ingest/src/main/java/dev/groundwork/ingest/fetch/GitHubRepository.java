package dev.groundwork.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub repository URL ({@code https://github.com/{owner}/{repo}}, optionally with a trailing slash or
 * {@code .git}, nothing deeper), whose document is its README as raw Markdown, and the links of its Markdown
 * documents that point back into it ({@link #target}).
 */
record GitHubRepository(String owner, String name) {

    /**
     * A file or folder of the repository a link points to.
     *
     * @param path   from the repository root, without a leading slash, percent-encoded as in the link
     * @param folder whether it is a folder (its {@code README.md} or {@code index.md} stands for it)
     */
    record Target(String path, boolean folder) {
    }

    private static final Pattern IN_REPOSITORY = Pattern.compile(
            "https?://(?:github\\.com/([^/]+)/([^/]+)/(blob|tree)|raw\\.githubusercontent\\.com/([^/]+)/([^/]+))/[^/]+/(.*)");
    private static final Pattern MARKDOWN = Pattern.compile("(?i).+\\.(?:md|markdown)");
    private static final Set<String> FOLDER_NAMES = Set.of("docs", "doc", "documentation");

    private static final Pattern REPOSITORY = Pattern.compile(
            "(?i)https?://(?:www\\.)?github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]+?)(?:\\.git)?/?");
    private static final Set<String> NOT_OWNERS = Set.of("about", "collections", "enterprise", "explore", "features",
            "login", "marketplace", "orgs", "pricing", "settings", "sponsors", "topics", "users", "apps", "customer-stories");

    /**
     * Branch names tried in order. {@code HEAD} is the default branch on raw.githubusercontent.com (and is the form
     * the offline mirror holds); {@code main} and {@code master} cover hosts or mirrors that do not resolve it.
     */
    static final List<String> BRANCHES = List.of("HEAD", "main", "master");

    static Optional<GitHubRepository> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = REPOSITORY.matcher(url.trim());
        if (!m.matches() || NOT_OWNERS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new GitHubRepository(m.group(1), m.group(2)));
    }

    /** The raw README URLs to try, in order. */
    List<String> readmeCandidates() {
        return BRANCHES.stream().map(branch -> rawUrl(branch, "README.md")).toList();
    }

    String rawUrl(String branch, String path) {
        return "https://raw.githubusercontent.com/" + owner + "/" + name + "/" + branch + "/" + path;
    }

    /** The page github.com shows for a file: the URL a citation points to. */
    String blobUrl(String ref, String path) {
        return "https://github.com/" + owner + "/" + name + "/blob/" + ref + "/" + path;
    }

    /**
     * Where {@code link}, written in the document at {@code fromPath}, points inside this repository: a Markdown file
     * ({@code .md}, {@code .markdown}) or a folder (a {@code tree/} link whose last segment has no dot, a path ending
     * in {@code /}, or one named {@code docs}, {@code doc} or {@code documentation}). Relative links resolve against the document's folder, a
     * leading {@code /} against the repository root (as github.com renders them); absolute ones count when they are
     * github.com {@code blob}/{@code tree} or raw.githubusercontent.com URLs of this repository, any ref. Empty for
     * anything else: other repositories and sites, anchors, images, code.
     */
    Optional<Target> target(String link, String fromPath) {
        String trimmed = link == null ? "" : link.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        String root = blobUrl("ref", "");
        URI resolved;
        try {
            URI uri = new URI(trimmed.replace(" ", "%20"));
            boolean fromRoot = !uri.isAbsolute() && uri.getRawAuthority() == null && trimmed.startsWith("/");
            resolved = fromRoot ? URI.create(root).resolve(trimmed.substring(1)) : URI.create(root + fromPath).resolve(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = IN_REPOSITORY.matcher(UrlNormalizer.normalize(resolved.toString()).orElse("").replaceFirst("\\?.*", ""));
        if (!m.matches() || !owner.equalsIgnoreCase(m.group(1) != null ? m.group(1) : m.group(4))
                || !name.equalsIgnoreCase(m.group(2) != null ? m.group(2) : m.group(5))) {
            return Optional.empty();
        }
        String path = m.group(6);
        if (escapes(path)) {
            return Optional.empty();
        }
        String last = path.endsWith("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
        boolean folder = "tree".equals(m.group(3)) && !last.contains(".");
        if (folder || last.isEmpty() || FOLDER_NAMES.contains(last.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Target(path.endsWith("/") || path.isEmpty() ? path : path + "/", true));
        }
        return MARKDOWN.matcher(last).matches() ? Optional.of(new Target(path, false)) : Optional.empty();
    }

    /**
     * Whether an encoded dot segment or separator is left in the path ({@code %2e%2e/}, {@code %2f}, {@code %5c}):
     * resolution removed only literal ones, and a server that decodes them would serve another repository's file
     * under this one's URL.
     */
    private static boolean escapes(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return true;
        }
        for (String segment : lower.replace("%2e", ".").split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
