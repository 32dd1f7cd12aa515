package dev.groundwork.ingest.roadmap;

/**
 * A topic whose heading has been read and whose content is still arriving, with the reading state of
 * that content: which bucket the next items go to and the label or lead-in that announced them.
 */
final class OpenTopic {

    enum Role {
        /** A topic of the tree. */
        REGULAR,
        /** The roadmap's own overview: content describes the roadmap. */
        FRONT,
        /** A section that is not roadmap content, such as a progress tracker: content is dropped. */
        IGNORED
    }

    private final TopicDraft draft;
    private final int level;
    private final Role role;
    private Bucket bucket;
    private boolean explicit;
    private String label;
    private String leadIn;
    /** Whether the bucket holds for the next list only, as after "Visit the following resources:". */
    private boolean forOneList;

    OpenTopic(TopicDraft draft, int level, Role role) {
        this.draft = draft;
        this.level = level;
        this.role = role;
        this.bucket = role == Role.FRONT ? Bucket.DESCRIPTION : draft.defaultBucket;
    }

    TopicDraft draft() {
        return draft;
    }

    int level() {
        return level;
    }

    Role role() {
        return role;
    }

    Bucket bucket() {
        return role == Role.FRONT ? Bucket.DESCRIPTION : bucket;
    }

    /** Whether a label or sub-heading ("Build") chose the bucket, rather than the topic's default. */
    boolean explicit() {
        return explicit;
    }

    String label() {
        return label;
    }

    /** A following item list goes to the bucket; {@code label} names it in a description line. */
    void announce(Bucket bucket, boolean explicit, String label) {
        this.bucket = bucket;
        this.explicit = explicit;
        this.label = label;
        this.leadIn = null;
        this.forOneList = false;
    }

    /** The next item list, and only it, goes to the bucket. */
    void announceList(Bucket bucket) {
        announce(bucket, true, null);
        this.forOneList = true;
    }

    /** A list was read: a bucket announced for one list ends. */
    void listRead() {
        if (forOneList && role == Role.REGULAR) {
            reset();
        }
    }

    /** Back to the topic's default bucket, after a described list. */
    void reset() {
        announce(draft.defaultBucket, false, null);
    }

    /** Text ending with ":" that introduces the next list: "Build a TODO app with:". */
    void leadIn(String text) {
        this.leadIn = text;
    }

    /** The pending lead-in, cleared. */
    String takeLeadIn() {
        String text = leadIn;
        leadIn = null;
        return text;
    }
}
