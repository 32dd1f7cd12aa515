package dev.groundwork.api.roadmap;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.ingest.pipeline.RoadmapProperties;
import dev.groundwork.ingest.store.ImportMode;
import dev.groundwork.ingest.store.RoadmapSummary;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Roadmaps and topics over HTTP. A roadmap is sent as the request body ({@code text/markdown} or
 * {@code text/plain}, UTF-8) or as the {@code file} part of a multipart upload. {@code POST /api/roadmaps} imports
 * by title: a new roadmap is 201, the same document again 200 (unchanged), a different document whose title is
 * taken a 409 {@code roadmap-exists} naming the stored roadmap; {@code ?as=new} imports it as a new roadmap (201)
 * under a suffixed id. {@code PUT /api/roadmaps/{id}} updates roadmap {@code id} with the document (200).
 */
@RestController
class RoadmapController {

    static final List<MediaType> ROADMAP_TYPES = List.of(
            MediaType.parseMediaType("text/markdown"), MediaType.parseMediaType("text/x-markdown"), MediaType.TEXT_PLAIN);

    private final RoadmapService roadmaps;
    private final int maxBytes;

    RoadmapController(RoadmapService roadmaps, RoadmapProperties properties) {
        this.roadmaps = roadmaps;
        this.maxBytes = Math.toIntExact(properties.maxSize().toBytes());
    }

    @PostMapping(path = "/api/roadmaps", consumes = {"text/markdown", "text/x-markdown", "text/plain"})
    Mono<ResponseEntity<ImportResponse>> importBody(ServerHttpRequest request,
            @RequestParam(name = "as", required = false) String as) {
        return store(body(request), postMode(as));
    }

    @PostMapping(path = "/api/roadmaps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ImportResponse>> importUpload(@RequestPart("file") Mono<FilePart> file,
            @RequestParam(name = "as", required = false) String as) {
        return store(upload(file), postMode(as));
    }

    @PutMapping(path = "/api/roadmaps/{id}", consumes = {"text/markdown", "text/x-markdown", "text/plain"})
    Mono<ResponseEntity<ImportResponse>> updateBody(@PathVariable String id, ServerHttpRequest request) {
        return store(body(request), ImportMode.update(id));
    }

    @PutMapping(path = "/api/roadmaps/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ImportResponse>> updateUpload(@PathVariable String id, @RequestPart("file") Mono<FilePart> file) {
        return store(upload(file), ImportMode.update(id));
    }

    @GetMapping("/api/roadmaps")
    Mono<List<RoadmapSummary>> list() {
        return roadmaps.list();
    }

    @GetMapping("/api/roadmaps/{id}")
    Mono<RoadmapView> roadmap(@PathVariable String id) {
        return roadmaps.find(id);
    }

    @GetMapping("/api/topics/{id}")
    Mono<TopicView> topic(@PathVariable String id) {
        return roadmaps.findTopic(id);
    }

    private Mono<ResponseEntity<ImportResponse>> store(Mono<Document> document, ImportMode mode) {
        return document.flatMap(d -> roadmaps.importDocument(d.bytes(), d.filename(), mode)).map(RoadmapController::answer);
    }

    /** Without {@code as}, by title; {@code as=new}, as a new roadmap; anything else is a bad request. */
    private static ImportMode postMode(String as) {
        if (as == null) {
            return ImportMode.byTitle();
        }
        if (as.equals("new")) {
            return ImportMode.asNew();
        }
        throw ProblemException.badRequest(
                "The parameter 'as' takes only the value 'new' (import as a new roadmap); leave it out to import by title.");
    }

    /** The request body as a roadmap document: UTF-8 (or ASCII) text only. */
    private Mono<Document> body(ServerHttpRequest request) {
        Charset charset = request.getHeaders().getContentType().getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            return Mono.error(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Roadmaps must be UTF-8; the request says " + charset.name() + "."));
        }
        return read(request.getBody()).map(bytes -> new Document(bytes, null));
    }

    private Mono<Document> upload(Mono<FilePart> file) {
        return file.flatMap(part -> read(part.content()).map(bytes -> new Document(bytes, part.filename())));
    }

    /** Reads at most one byte more than the limit, so an oversized body fails early and the parser names the limit. */
    private Mono<byte[]> read(Publisher<DataBuffer> body) {
        return DataBufferUtils.join(body, maxBytes + 1)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private static ResponseEntity<ImportResponse> answer(ImportResponse response) {
        URI location = URI.create("/api/roadmaps/" + response.roadmap().id());
        HttpStatus status = response.changes().created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(location).body(response);
    }

    /** A roadmap document as sent, with the file name of an upload. */
    private record Document(byte[] bytes, String filename) {
    }
}
