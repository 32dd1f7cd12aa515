package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceKinds;
import java.util.Objects;

/**
 * A source a learner adds to a topic: a link ({@code url}), or content (an uploaded file or pasted text).
 *
 * @param title     how the topic lists it (the link text, the file name or the pasted text's title)
 * @param kind      {@code link} ({@code video} for a video host's link), {@code file} or {@code text}
 * @param url       the link's absolute http(s) URL; {@code null} for content
 * @param mediaType the content's media type, with {@code ; charset=utf-8} for pasted text; {@code null} for a link
 * @param fileName  the uploaded file's name; {@code null} for a link or pasted text
 * @param body      the content's bytes; {@code null} for a link
 */
public record NewSource(String title, String kind, String url, String mediaType, String fileName, byte[] body) {

    public NewSource {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        if ((url == null) == (body == null)) {
            throw new IllegalArgumentException("a source is either a link or content");
        }
    }

    public static NewSource link(String url, String title) {
        return new NewSource(title, ResourceKinds.isVideo(url) ? ResourceKinds.VIDEO : ResourceKinds.LINK, url, null,
                null, null);
    }

    /** Whether this is a video's link: stored {@code not_fetched}, with no job (videos are watched, not read). */
    public boolean video() {
        return ResourceKinds.VIDEO.equals(kind);
    }

    public static NewSource file(String title, String mediaType, String fileName, byte[] body) {
        return new NewSource(title, "file", null, mediaType, fileName, body);
    }

    public static NewSource text(String title, String mediaType, byte[] body) {
        return new NewSource(title, "text", null, mediaType, null, body);
    }
}
