package dev.groundwork.ingest.roadmap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource a topic names: a URL with its link text, or a named reference without URL (a book, a course).
 *
 * @param url   absolute http(s) URL, or {@code null} for a named reference
 * @param title the link text (without a type prefix such as {@code @article@}) or the reference's name; for a bare
 *              URL, the URL itself
 * @param type  the resource's kind: for a link, {@code video} for a video host, else the link's type prefix
 *              ({@code article}, {@code official}, {@code opensource}, {@code book}, …) or {@code link} without one
 *              (see {@link ResourceKinds}); for named references what the roadmap calls them: {@code book},
 *              {@code course}, …
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRef(String url, String title, String type) {

    @JsonIgnore
    public boolean isLink() {
        return url != null;
    }
}
