package dev.groundwork.api.exchange;

import dev.groundwork.api.exchange.ExchangeService.Scope;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.security.Learner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A roadmap's or topic's cards as a download for Anki ({@code ?format=apkg}, the default) or as Anki's CSV/TSV text
 * ({@code csv}, {@code tsv}); and cards imported from such a file (multipart part {@code file}), answered with a report
 * row by row. The upload is streamed and refused past the size limit; nothing from other parts is kept. Every request
 * acts for the current {@link Learner}: an export holds only their cards, an import adds only to them.
 */
@RestController
class ExchangeController {

    private final ExchangeService exchange;
    private final ExchangeProperties properties;

    ExchangeController(ExchangeService exchange, ExchangeProperties properties) {
        this.exchange = exchange;
        this.properties = properties;
    }

    @GetMapping("/api/roadmaps/{id}/cards/export")
    Mono<ResponseEntity<byte[]>> exportRoadmap(@PathVariable String id,
            @RequestParam(defaultValue = "apkg") String format, Learner learner) {
        return exchange.export(learner, Scope.roadmap(id), format).map(ExchangeController::download);
    }

    @GetMapping("/api/topics/{id}/cards/export")
    Mono<ResponseEntity<byte[]>> exportTopic(@PathVariable String id,
            @RequestParam(defaultValue = "apkg") String format, Learner learner) {
        return exchange.export(learner, Scope.topic(id), format).map(ExchangeController::download);
    }

    @PostMapping(path = "/api/roadmaps/{id}/cards/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportReport> importIntoRoadmap(@PathVariable String id, @RequestBody Flux<PartEvent> parts,
            Learner learner) {
        return exchange.importFile(learner, Scope.roadmap(id), upload(parts));
    }

    @PostMapping(path = "/api/topics/{id}/cards/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportReport> importIntoTopic(@PathVariable String id, @RequestBody Flux<PartEvent> parts,
            Learner learner) {
        return exchange.importFile(learner, Scope.topic(id), upload(parts));
    }

    private static ResponseEntity<byte[]> download(ExchangeService.Download file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename())
                        .build().toString())
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .body(file.bytes());
    }

    /** The first part named {@code file}, read into memory up to the limit; other parts are released unread. */
    private Mono<ExchangeService.Upload> upload(Flux<PartEvent> parts) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileSize().toBytes());
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.get() instanceof FilePartEvent file && "file".equals(file.name())) {
                        return DataBufferUtils.join(events.map(PartEvent::content), max)
                                .map(buffer -> new ExchangeService.Upload(file.filename(), bytes(buffer)))
                                .defaultIfEmpty(new ExchangeService.Upload(file.filename(), new byte[0]));
                    }
                    return events.doOnNext(event -> DataBufferUtils.release(event.content()))
                            .then(Mono.<ExchangeService.Upload>empty());
                }))
                .next()
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.BAD_REQUEST,
                        "Send the file to import as the multipart part 'file'.")))
                .onErrorMap(DataBufferLimitException.class, tooBig -> ImportProblems.tooLarge("The file is larger"
                        + " than " + ImportProblems.size(properties.maxFileSize()) + ", the most one import takes."));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
