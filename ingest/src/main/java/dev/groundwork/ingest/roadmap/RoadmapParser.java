package dev.groundwork.ingest.roadmap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Parses a roadmap document into a {@link Roadmap}: a tree of phases, months, weeks, days, milestones and
 * sections, each with concepts, resources, build tasks and interview focus.
 *
 * <p>Contract: the bytes must be UTF-8 text of at most {@code maxBytes} bytes; otherwise, or when the text
 * is blank or names no topic, {@link RoadmapRejected} says why in a message safe to show. Text that was
 * double encoded (UTF-8 read as Windows-1252, Windows-1254 or MacRoman) is repaired first; the content hash
 * is of the repaired text. Markdown is read through the commonmark AST; documents of "Label: value" lines
 * with milestones ({@code M0: …}) line by line. Ids are stable: the roadmap id is the slug of its title (a
 * caller may move it to another with {@link Roadmap#withId}), a topic id derives from the roadmap id and the
 * topic's key, and numbered headings key on their number.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RoadmapParser {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final DocumentGuard guard;
    private final MojibakeRepair repair = new MojibakeRepair();
    private final MarkdownRoadmapReader markdown = new MarkdownRoadmapReader();
    private final LabelValueRoadmapReader labelValue = new LabelValueRoadmapReader();

    public RoadmapParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest document accepted, in bytes; positive */
    public RoadmapParser(int maxBytes) {
        this.guard = new DocumentGuard(maxBytes);
    }

    /** Parses a document's raw bytes, which must be UTF-8. */
    public Roadmap parse(byte[] document) {
        return parseText(guard.decode(document));
    }

    /** Parses already-decoded text: checked, repaired and parsed like bytes, except for the encoding check. */
    public Roadmap parse(String text) {
        return parseText(guard.check(text));
    }

    private Roadmap parseText(String decoded) {
        String text = repair.repair(decoded);
        RoadmapDraft draft = LabelValueRoadmapReader.accepts(text) ? labelValue.read(text) : markdown.read(text);
        Roadmap roadmap = TopicTree.build(draft, sha256(text));
        if (roadmap.topics().isEmpty()) {
            throw new RoadmapRejected(RoadmapRejected.Reason.NO_TOPICS,
                    "The document has no topics: no headings, milestones or sections were found.");
        }
        return roadmap;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
