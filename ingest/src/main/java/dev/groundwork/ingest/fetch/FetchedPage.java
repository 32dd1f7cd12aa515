package dev.groundwork.ingest.fetch;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fetched document.
 *
 * @param url          as requested, in the original space
 * @param finalUrl     after redirects, in the original space (for a GitHub repository: the raw README URL)
 * @param mediaType    one of {@code text/html} (also for XHTML), {@code application/pdf}, {@code text/markdown},
 *                     {@code text/plain}
 * @param charset      the charset declared in Content-Type, or null when none was declared
 * @param body         the bytes as received (not decoded)
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param contentHash  SHA-256 of {@code body}, lower-case hex
 */
public record FetchedPage(String url, String finalUrl, String mediaType, Charset charset, byte[] body, String etag,
        String lastModified, String contentHash) implements FetchResult {

    public FetchedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** The validators to send next time. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    /** The same page recorded under another requested URL (a repository URL for its README). */
    FetchedPage requestedAs(String requested) {
        return new FetchedPage(requested, finalUrl, mediaType, charset, body, etag, lastModified, contentHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchedPage p && url.equals(p.url) && finalUrl.equals(p.finalUrl)
                && mediaType.equals(p.mediaType) && Objects.equals(charset, p.charset) && Arrays.equals(body, p.body)
                && Objects.equals(etag, p.etag) && Objects.equals(lastModified, p.lastModified)
                && contentHash.equals(p.contentHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, finalUrl, contentHash);
    }

    @Override
    public String toString() {
        return "FetchedPage[url=" + url + ", finalUrl=" + finalUrl + ", mediaType=" + mediaType + ", charset=" + charset
                + ", bytes=" + body.length + ", etag=" + etag + ", lastModified=" + lastModified + ", contentHash="
                + contentHash + "]";
    }
}
