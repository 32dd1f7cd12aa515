package dev.groundwork.api.source;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.problem.Sizes;
import dev.groundwork.ingest.extract.ExtractionFailed;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.extract.SourceTypes;
import dev.groundwork.ingest.pipeline.SourceProperties;
import dev.groundwork.ingest.store.NewSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns what a learner sent into a {@link NewSource}, or refuses it with a problem before anything is written: a link
 * must be an absolute http(s) URL (where it leads is checked when it is fetched, by the fetch guards); a file must be
 * of an accepted kind by its name, agree with its declared type and its first bytes, and yield text through the same
 * extraction its ingestion will use (so an encrypted or broken PDF, a zip bomb or an empty file is refused here); pasted
 * text must have a title and text. Blocking and CPU-bound (extraction): call on a worker scheduler.
 */
@Component
class SourceChecks {

    static final String PASTED_TYPE = "text/markdown; charset=utf-8";
    private static final String NOTHING = " Nothing was added.";

    private final Extractor extractor;
    private final SourceProperties properties;

    SourceChecks(Extractor extractor, SourceProperties properties) {
        this.extractor = extractor;
        this.properties = properties;
    }

    NewSource json(AddSource request) {
        if (request == null || (request.url() == null) == (request.text() == null)) {
            throw ProblemException.badRequest("Send either {\"url\"} for a link or {\"title\", \"text\"} for pasted"
                    + " text (or a file as the multipart part 'file')." + NOTHING);
        }
        return request.url() != null ? link(request.url(), request.title()) : text(request.title(), request.text());
    }

    private NewSource link(String url, String title) {
        String trimmed = url.strip();
        if (trimmed.length() > properties.maxUrlLength()) {
            throw ProblemException.badRequest("The link is longer than " + properties.maxUrlLength() + " characters."
                    + NOTHING);
        }
        if (!isWebUrl(trimmed)) {
            throw ProblemException.badRequest("The link must be an absolute http or https URL." + NOTHING);
        }
        return NewSource.link(trimmed, title(title, trimmed, false));
    }

    private NewSource text(String title, String text) {
        String named = title(title, null, true);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > properties.maxTextSize().toBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.SOURCE_TOO_LARGE,
                    "The text is larger than " + Sizes.text(properties.maxTextSize()) + ", the most one source takes."
                            + NOTHING);
        }
        extract(SourceChecks.PASTED_TYPE, bytes);
        return NewSource.text(named, PASTED_TYPE, bytes);
    }

    NewSource file(Upload upload) {
        if (upload.bytes() == null) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.SOURCE_TOO_LARGE,
                    "The file is larger than " + Sizes.text(properties.maxFileSize()) + ", the most one source takes."
                            + NOTHING);
        }
        String name = upload.fileName() == null ? "" : upload.fileName().replaceAll(".*[/\\\\]", "").strip();
        String mediaType = SourceTypes.ofName(name).orElseThrow(() -> new ProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.SOURCE_UNSUPPORTED_TYPE,
                "Files of this kind cannot be added; accepted are " + SourceTypes.accepted() + "." + NOTHING));
        if (!SourceTypes.declaredAgrees(mediaType, upload.declaredType())
                || upload.bytes().length > 0 && !SourceTypes.looksLike(mediaType, upload.bytes())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.SOURCE_MISMATCH, "The file '" + name
                    + "' is not what its name says: its content is not " + kind(mediaType) + "." + NOTHING);
        }
        extract(mediaType, upload.bytes());
        return NewSource.file(title(upload.title(), name, false), mediaType, name, upload.bytes());
    }

    /** Extracts as the ingestion will, so that what cannot be read is refused now; the result is thrown away. */
    private void extract(String mediaType, byte[] bytes) {
        try {
            extractor.extract("upload:check", mediaType, null, bytes);
        } catch (ExtractionFailed e) {
            ProblemType type = e.reason() == ExtractionFailed.Reason.NO_TEXT ? ProblemType.SOURCE_EMPTY
                    : ProblemType.SOURCE_UNREADABLE;
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, e.getMessage() + NOTHING);
        }
    }

    private String title(String given, String fallback, boolean required) {
        String title = given == null ? "" : given.strip();
        if (title.isEmpty() && required) {
            throw ProblemException.badRequest("Give the text a title." + NOTHING);
        }
        if (title.length() > properties.maxTitleLength()) {
            throw ProblemException.badRequest("The title is longer than " + properties.maxTitleLength()
                    + " characters." + NOTHING);
        }
        return title.isEmpty() ? fallback : title;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String kind(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "a PDF";
            case SourceTypes.DOCX -> "a Word document";
            default -> "text";
        };
    }

}
