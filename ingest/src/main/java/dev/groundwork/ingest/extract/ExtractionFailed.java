package dev.groundwork.ingest.extract;

/**
 * A document that yields no usable text. The message is one line, safe to show to a user and to store in a run
 * report; it never carries a library's exception text.
 */
public class ExtractionFailed extends Exception {

    /** Why extraction failed; stable, so callers can count and report failures by kind. */
    public enum Reason {
        /** The document (a PDF) cannot be opened without a password. */
        ENCRYPTED,
        /** The bytes are not a readable document of the declared type. */
        BROKEN,
        /** The document opens but has no text, e.g. an image-only PDF or an empty page. */
        NO_TEXT,
        /** The media type is not one this package extracts. */
        UNSUPPORTED_TYPE,
        /** An archive (DOCX) past its {@link ArchiveLimits}: too many entries, too large unpacked, a zip bomb. */
        UNSAFE
    }

    private final Reason reason;

    public ExtractionFailed(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
