package dev.groundwork.ingest.store;

import java.nio.charset.Charset;

/**
 * What an uploaded file or pasted text holds, as stored for its ingestion.
 *
 * @param title       the resource's title (what citations of it show)
 * @param mediaType   its media type, without parameters
 * @param charset     the charset it was stored with, or {@code null} to sniff it
 * @param body        its bytes
 * @param contentHash SHA-256 of {@code body}, lower-case hex
 */
public record StoredContent(String title, String mediaType, Charset charset, byte[] body, String contentHash) {
}
