package dev.groundwork.api.exchange;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems a file to import can have; each means nothing was imported. */
final class ImportProblems {

    private ImportProblems() {
    }

    static ProblemException unreadable(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IMPORT_UNREADABLE,
                detail + " Nothing was imported.");
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.IMPORT_TOO_LARGE,
                detail + " Nothing was imported.");
    }

    static ProblemException badColumns(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IMPORT_BAD_COLUMNS,
                detail + " Nothing was imported.");
    }

    static ProblemException ankiTooNew() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IMPORT_ANKI_TOO_NEW,
                "This package uses the newest Anki format (collection.anki21b), which cannot be read here. In Anki,"
                        + " export it again as \"Anki Deck Package (.apkg)\" with \"Support older Anki versions\""
                        + " ticked. Nothing was imported.");
    }

}
