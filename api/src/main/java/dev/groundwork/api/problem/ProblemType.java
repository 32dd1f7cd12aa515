package dev.groundwork.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The stable problem types of the API; clients may branch on {@link #uri()}. */
public enum ProblemType {
    NOT_FOUND("not-found", "Not found"),
    ROADMAP_EMPTY("roadmap-empty", "Empty roadmap"),
    ROADMAP_BINARY("roadmap-binary", "Not a text document"),
    ROADMAP_NOT_UTF8("roadmap-not-utf8", "Not UTF-8 text"),
    ROADMAP_TOO_LARGE("roadmap-too-large", "Roadmap too large"),
    ROADMAP_EXISTS("roadmap-exists", "Roadmap already exists"),
    ROADMAP_WITHOUT_TOPICS("roadmap-without-topics", "No topics found"),
    IMPORT_UNREADABLE("import-unreadable", "Unreadable import file"),
    IMPORT_ANKI_TOO_NEW("import-anki-too-new", "Anki package in the newest format"),
    IMPORT_TOO_LARGE("import-too-large", "Import too large"),
    IMPORT_BAD_COLUMNS("import-bad-columns", "Wrong columns"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    SOURCE_TOO_LARGE("source-too-large", "Source too large"),
    SOURCE_UNSUPPORTED_TYPE("source-unsupported-type", "Unsupported kind of file"),
    SOURCE_MISMATCH("source-mismatch", "File is not what it claims to be"),
    SOURCE_UNREADABLE("source-unreadable", "Unreadable source"),
    SOURCE_EMPTY("source-empty", "Source has no text"),
    CARD_NOT_STALE("card-not-stale", "Card is not stale"),
    CARD_NOT_REGENERABLE("card-not-regenerable", "Nothing to write the card from"),
    REVIEW_NOT_LATEST("review-not-latest", "Not the latest review"),
    REVIEW_ID_REUSED("review-id-reused", "Review id already used"),
    INTERVIEW_NO_MATERIAL("interview-no-material", "Nothing to ask about"),
    INTERVIEW_QUESTION_ANSWERED("interview-question-answered", "Question already answered"),
    INTERVIEW_ENDED("interview-ended", "Interview ended"),
    UNAUTHENTICATED("unauthenticated", "Sign-in required"),
    BAD_CREDENTIALS("bad-credentials", "Wrong login or password"),
    FORBIDDEN("forbidden", "Not allowed"),
    CSRF("csrf", "Missing or wrong CSRF token"),
    SETUP_DONE("setup-done", "Setup already done"),
    REGISTRATION_CLOSED("registration-closed", "Registration closed"),
    ACCOUNT_EXISTS("account-exists", "Account already exists"),
    LAST_ADMIN("last-admin", "Last admin"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    REQUEST_TOO_LARGE("request-too-large", "Request too large"),
    BAD_REQUEST("bad-request", "Bad request"),
    INTERNAL("internal-error", "Internal error");

    private static final String PREFIX = "urn:groundwork:problem:";

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    /** The last part of {@link #uri()}, e.g. {@code not-found}: the type's name without the URN prefix. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** A problem detail of this type: what handlers outside controllers (filters, entry points) write too. */
    public ProblemDetail detail(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
