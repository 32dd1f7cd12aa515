package dev.groundwork.api.exchange;

import dev.groundwork.api.exchange.ExchangeService.Scope;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.Sizes;
import dev.groundwork.api.security.Learner;
import dev.groundwork.api.upload.Uploads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * row by row. The upload is read as it streams in and refused past the size limit; nothing from other parts is kept. Every request
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

    /** The part named {@code file}, copied into memory up to the size limit ({@link Uploads}). */
    private Mono<ExchangeService.Upload> upload(Flux<PartEvent> parts) {
        return Uploads.read(parts, properties.maxFileSize().toBytes())
                .switchIfEmpty(Mono.error(ProblemException.badRequest(
                        "Send the file to import as the multipart part 'file'.")))
                .flatMap(upload -> upload.tooLarge()
                        ? Mono.error(ImportProblems.tooLarge("The file is larger than "
                                + Sizes.text(properties.maxFileSize()) + ", the most one import takes."))
                        : Mono.just(new ExchangeService.Upload(upload.fileName(), upload.bytes())));
    }
}
