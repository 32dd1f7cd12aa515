package dev.groundwork.api.refresh;

import dev.groundwork.api.ingestion.IngestionService;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The boundary between the refresh endpoints and the blocking store: JDBC on {@code jdbc}. */
@Service
class RefreshService {

    private final RefreshSettings settings;
    private final RefreshClaims claims;
    private final IngestionService ingestion;
    private final RefreshProperties properties;
    private final Clock clock;
    private final Scheduler jdbc;

    RefreshService(RefreshSettings settings, RefreshClaims claims, IngestionService ingestion,
            RefreshProperties properties, Clock clock, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.settings = settings;
        this.claims = claims;
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Mono<Freshness> freshness(String roadmapId) {
        return Mono.fromCallable(() -> current(roadmapId)).subscribeOn(jdbc);
    }

    /** Sets the roadmap's switch and interval; bad input is a {@code bad-request} problem and changes nothing. */
    Mono<Freshness> update(String roadmapId, RefreshRequest request) {
        return Mono.fromCallable(() -> {
            if (request == null || request.enabled() == null) {
                throw ProblemException.badRequest("Say whether the roadmap is checked on a schedule: "
                        + "\"enabled\": true or false.");
            }
            Duration interval = interval(request.interval());
            if (!settings.update(roadmapId, request.enabled(), interval)) {
                throw new NotFound("roadmap", roadmapId);
            }
            return current(roadmapId);
        }).subscribeOn(jdbc);
    }

    /** Starts a check now (unless one runs) and wakes the workers. */
    Mono<Freshness> checkNow(String roadmapId) {
        return Mono.fromCallable(() -> {
            if (!claims.startNow(roadmapId, clock.instant(), properties.defaultInterval())) {
                throw new NotFound("roadmap", roadmapId);
            }
            return current(roadmapId);
        }).subscribeOn(jdbc).doOnSuccess(started -> ingestion.wake());
    }

    private Freshness current(String roadmapId) {
        return settings.freshness(roadmapId).orElseThrow(() -> new NotFound("roadmap", roadmapId));
    }

    /** The interval sent, or {@code null} for the default; within the configured bounds. */
    private Duration interval(String text) {
        if (text == null) {
            return null;
        }
        Duration interval;
        try {
            interval = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The interval must be an ISO-8601 duration such as \"P7D\" (a week) or "
                    + "\"PT12H\", or null for the default; \"" + abbreviate(text) + "\" is not one.");
        }
        if (interval.compareTo(properties.minInterval()) < 0 || interval.compareTo(properties.maxInterval()) > 0) {
            throw ProblemException.badRequest("The interval must be between " + properties.minInterval() + " and "
                    + properties.maxInterval() + "; " + interval + " is not.");
        }
        return interval;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
