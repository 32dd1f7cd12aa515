package dev.groundwork.ingest.roadmap;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of resource a link is. A link text may start with a type prefix, as roadmaps published by roadmap
 * sites write them: {@code [@article@How DNS works](https://…)}; the prefix (any one word between two {@code @},
 * case and spaces ignored: {@code @Video @}, {@code @open-source@}) names the kind and the rest is the title.
 * A link to a video host (YouTube, Vimeo, …) is a {@link #VIDEO} whatever its prefix says; other links are
 * {@link #LINK}. Videos are resources to watch, not pages to fetch.
 */
public final class ResourceKinds {

    /** A web page, document or repository without a more specific kind. */
    public static final String LINK = "link";
    /** A video or a video channel: shown, never fetched. */
    public static final String VIDEO = "video";

    private static final Pattern PREFIX = Pattern.compile("^\\s*@\\s*([A-Za-z][A-Za-z _-]{0,29}?)\\s*@\\s*(.*)$",
            Pattern.DOTALL);
    private static final Set<String> VIDEO_HOSTS = Set.of("youtube.com", "youtu.be", "youtube-nocookie.com",
            "vimeo.com", "dailymotion.com", "dai.ly", "twitch.tv", "wistia.com", "loom.com");

    private ResourceKinds() {
    }

    /** A link text split into its kind (lower case, {@code null} without prefix) and the title after the prefix. */
    record Prefixed(String kind, String title) {
    }

    static Prefixed split(String linkText) {
        Matcher m = PREFIX.matcher(linkText);
        if (!m.matches()) {
            return new Prefixed(null, linkText);
        }
        return new Prefixed(m.group(1).replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT), m.group(2));
    }

    /** The resource a web link names: its kind from the URL's host or the text's prefix, its title clean. */
    static ResourceRef link(String url, String linkText) {
        Prefixed prefixed = split(linkText);
        String title = TitleCleaner.clean(prefixed.title());
        String kind = isVideo(url) ? VIDEO : prefixed.kind() != null ? prefixed.kind() : LINK;
        return new ResourceRef(url, title.isEmpty() ? url : title, kind);
    }

    /** Whether the URL points to a video host or one of its subdomains ({@code www.}, {@code m.}, {@code player.}). */
    public static boolean isVideo(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String video : VIDEO_HOSTS) {
            if (h.equals(video) || h.endsWith("." + video)) {
                return true;
            }
        }
        return false;
    }
}
