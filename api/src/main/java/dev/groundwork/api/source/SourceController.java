package dev.groundwork.api.source;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.security.Learner;
import dev.groundwork.api.upload.Uploads;
import dev.groundwork.ingest.pipeline.SourceProperties;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The learner's own sources on a topic. {@code POST /api/topics/{id}/resources} adds a link (JSON {@code {url}},
 * optional {@code title}), pasted text (JSON {@code {title, text}}) or a file (multipart part {@code file}, optional
 * field {@code title}): {@code 202} with the source when it was added and its ingestion queued, {@code 200} when the
 * topic already lists it. {@code GET} lists every resource of the topic, the roadmap's and the learners', with who added
 * each and where its ingestion stands. Sources are shared knowledge like the topic: every learner sees them, attributed.
 * {@code DELETE /api/topics/{id}/resources/{resourceId}} takes a learner's own source off the topic ({@code 204});
 * another learner's is a {@code 404}. Its chunks stay: cards anchored on them keep their passage.
 */
@RestController
class SourceController {

    private final SourceService sources;
    private final SourceProperties properties;

    SourceController(SourceService sources, SourceProperties properties) {
        this.sources = sources;
        this.properties = properties;
    }

    @GetMapping("/api/topics/{id}/resources")
    Mono<List<SourceView>> list(@PathVariable String id, Learner learner) {
        return sources.list(id, learner);
    }

    @PostMapping(path = "/api/topics/{id}/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SourceView>> add(@PathVariable String id, @RequestBody(required = false) AddSource request,
            Learner learner) {
        return sources.add(id, request, learner).map(added -> answer(id, added));
    }

    @PostMapping(path = "/api/topics/{id}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<SourceView>> upload(@PathVariable String id, @RequestBody Flux<PartEvent> parts,
            Learner learner) {
        return upload(parts).flatMap(upload -> sources.add(id, upload, learner)).map(added -> answer(id, added));
    }

    @DeleteMapping("/api/topics/{id}/resources/{resourceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String id, @PathVariable String resourceId, Learner learner) {
        return sources.remove(id, resourceId, learner);
    }

    private static ResponseEntity<SourceView> answer(String topicId, SourceService.Added added) {
        return ResponseEntity.status(added.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/topics/" + topicId + "/resources"))
                .body(added.source());
    }

    /** The part named {@code file}, copied into memory up to the size limit ({@link Uploads}), and field {@code title}. */
    private Mono<Upload> upload(Flux<PartEvent> parts) {
        return Uploads.read(parts, properties.maxFileSize().toBytes(), Set.of("title"))
                .switchIfEmpty(Mono.error(ProblemException.badRequest(
                        "Send the file as the multipart part 'file'. Nothing was added.")))
                .map(u -> new Upload(u.fileName(), u.contentType(), u.bytes(), u.fields().get("title")));
    }
}
