package dev.groundwork.api.answer;

import dev.groundwork.api.security.Learner;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code POST /api/answers}: a grounded answer as server-sent events — {@code sources}, {@code token}s with
 * {@code citation}s (and maybe a {@code notice}), then {@code done} or {@code failed}. Bad input and unknown
 * scopes are problem details before the stream starts. A client that disconnects cancels the work.
 */
@RestController
class AnswerController {

    private final AnswerService answers;

    AnswerController(AnswerService answers) {
        this.answers = answers;
    }

    @PostMapping(path = "/api/answers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> answer(@Valid @RequestBody AnswerRequest request, Learner learner) {
        return answers.answer(request, learner);
    }
}
