package dev.groundwork.ingest.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A retrieval unit: a contiguous span of one section of an extracted document.
 *
 * @param id          deterministic: a name-based UUID of {@code sourceUrl#index#contentHash}, so re-chunking an unchanged
 *                    document gives the same ids and any change of text gives new ones
 * @param sourceUrl   the document's URL ({@code ExtractedDocument.url()})
 * @param index       0-based position of the chunk in its document
 * @param headingPath texts of the enclosing headings, outermost first, e.g. {@code ["Concepts", "Data model"]};
 *                    empty before the first heading. The text does not repeat it; {@link #indexedText()} does
 * @param page        1-based PDF page of the chunk's first block, {@code null} for documents without pages
 * @param start       offset of the chunk's first character in {@code ExtractedDocument.text()}
 * @param end         offset just after its last character; {@code text} equals {@code doc.text().substring(start, end)}
 * @param text        the document's own text, nothing added: whole blocks joined by the block separator
 *                    ({@code "\n\n"}), or a piece of one long block
 * @param tokens      embedding-model tokens of {@code text}, special tokens excluded
 * @param contentHash SHA-256 of {@code text} (UTF-8), lower-case hex
 * @param blocks      the blocks (or pieces of a split block) that make up {@code text}, in order, with their kinds and
 *                    inline marks; offsets relative to {@code text}. Only the separators between them are outside
 *                    every block. Not part of the id or the hash: they describe the text, which alone identifies it
 */
public record Chunk(String id, String sourceUrl, int index, List<String> headingPath, Integer page, int start, int end,
                    String text, int tokens, String contentHash, List<ChunkBlock> blocks) {

    public Chunk {
        headingPath = List.copyOf(headingPath);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        for (ChunkBlock block : blocks) {
            if (block.end() > text.length()) {
                throw new IllegalArgumentException("Block " + block + " lies outside the chunk's text");
            }
        }
    }

    /**
     * What is stored and embedded for search: the heading path as a first line ({@code A › B}), a blank line, then
     * the text — so that a passage is found by its section's words too (a page title, a heading) although it does
     * not repeat them. Without headings, just the text.
     */
    public String indexedText() {
        return headingPath.isEmpty() ? text : String.join(" › ", headingPath) + "\n\n" + text;
    }

    /** Where {@link #text()} starts within {@link #indexedText()}. */
    public int passageOffset() {
        return indexedText().length() - text.length();
    }

    /** A chunk with its hash and id derived from the other fields (the blocks take no part in either). */
    public static Chunk of(String sourceUrl, int index, List<String> headingPath, Integer page, int start, int end,
                           String text, int tokens, List<ChunkBlock> blocks) {
        String hash = sha256(text);
        return new Chunk(idOf(sourceUrl, index, hash), sourceUrl, index, headingPath, page, start, end, text, tokens,
                hash, blocks);
    }

    /** The id rule: {@code UUID.nameUUIDFromBytes(sourceUrl + "#" + index + "#" + contentHash)}. */
    public static String idOf(String sourceUrl, int index, String contentHash) {
        return UUID.nameUUIDFromBytes((sourceUrl + "#" + index + "#" + contentHash).getBytes(UTF_8)).toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
