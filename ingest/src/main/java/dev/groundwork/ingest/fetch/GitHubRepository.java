package dev.groundwork.ingest.fetch;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub repository URL ({@code https://github.com/{owner}/{repo}}, optionally with a trailing slash or
 * {@code .git}, nothing deeper), whose document is its README as raw Markdown.
 */
record GitHubRepository(String owner, String name) {

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
        if (!m.matches() || NOT_OWNERS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new GitHubRepository(m.group(1), m.group(2)));
    }

    /** The raw README URLs to try, in order. */
    List<String> readmeCandidates() {
        return BRANCHES.stream()
                .map(branch -> "https://raw.githubusercontent.com/" + owner + "/" + name + "/" + branch + "/README.md")
                .toList();
    }
}
