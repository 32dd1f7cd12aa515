package dev.groundwork.api.review;

/** Request bodies of the review API. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    /**
     * A grade: {@code rating} again, hard, good or easy; {@code reviewId} a UUID the client makes, so a retry grades
     * once; {@code ordinal} the side or cloze number (default: the card's item due first).
     */
    record Grade(String rating, String reviewId, Long durationMs, Integer ordinal) {
    }

    /** Settings to store; a missing field keeps its current value. */
    record Settings(Double desiredRetention, Integer dailyNewLimit, Integer maximumIntervalDays, Boolean fuzz,
            String timeZone) {

        ReviewSettings over(ReviewSettings current) {
            return new ReviewSettings(desiredRetention == null ? current.desiredRetention() : desiredRetention,
                    dailyNewLimit == null ? current.dailyNewLimit() : dailyNewLimit,
                    maximumIntervalDays == null ? current.maximumIntervalDays() : maximumIntervalDays,
                    fuzz == null ? current.fuzz() : fuzz, timeZone == null ? current.timeZone() : timeZone);
        }
    }
}
