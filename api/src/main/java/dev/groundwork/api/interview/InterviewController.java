package dev.groundwork.api.interview;

import dev.groundwork.api.security.Learner;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mock interviews over HTTP: start a session, resume it, answer (a stream of graded points, scores, the reference answer
 * and a follow-up), skip, end, the report, and cards from the misses. Every request acts for the current
 * {@link Learner}; another learner's session or question answers 404 like an unknown one.
 */
@RestController
class InterviewController {

    private final InterviewService sessions;
    private final AnswerGrading grading;
    private final InterviewReports reports;

    InterviewController(InterviewService sessions, AnswerGrading grading, InterviewReports reports) {
        this.sessions = sessions;
        this.grading = grading;
        this.reports = reports;
    }

    @PostMapping(path = "/api/interviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<InterviewViews.Session>> start(@RequestBody InterviewRequests.Start request, Learner learner) {
        return sessions.start(learner, request).map(session -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/interviews/" + session.id())).body(session));
    }

    @GetMapping("/api/interviews")
    Mono<List<InterviewViews.Summary>> list(@RequestParam(required = false) String roadmapId, Learner learner) {
        return sessions.list(learner, roadmapId);
    }

    @GetMapping("/api/interviews/{id}")
    Mono<InterviewViews.Session> get(@PathVariable String id, Learner learner) {
        return sessions.get(learner, id);
    }

    @PostMapping(path = "/api/interviews/{id}/questions/{questionId}/answer",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> answer(@PathVariable String id, @PathVariable String questionId,
            @RequestBody InterviewRequests.Answer request, Learner learner) {
        return grading.answer(learner, id, questionId, request);
    }

    @PutMapping(path = "/api/interviews/{id}/questions/{questionId}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> draft(@PathVariable String id, @PathVariable String questionId,
            @RequestBody InterviewRequests.Draft draft, Learner learner) {
        return sessions.draft(learner, id, questionId, draft).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/interviews/{id}/questions/{questionId}/skip")
    Mono<InterviewViews.Question> skip(@PathVariable String id, @PathVariable String questionId, Learner learner) {
        return sessions.skip(learner, id, questionId);
    }

    @PostMapping("/api/interviews/{id}/end")
    Mono<InterviewViews.Session> end(@PathVariable String id, Learner learner) {
        return sessions.end(learner, id);
    }

    @GetMapping("/api/interviews/{id}/report")
    Mono<InterviewViews.Report> report(@PathVariable String id, Learner learner) {
        return reports.report(learner, id);
    }

    @PostMapping("/api/interviews/{id}/cards")
    Mono<InterviewViews.CardsMade> cards(@PathVariable String id, Learner learner) {
        return reports.cards(learner, id);
    }
}
