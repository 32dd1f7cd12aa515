package dev.groundwork.api.exchange;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.flashcard.CardExchange;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.security.Learner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The boundary between the export and import endpoints and blocking work: reading cards (JDBC), writing and reading
 * Anki's SQLite collections and zips, and storing imported cards run on the {@code jdbc} scheduler; embedding imported
 * cards on {@code inference}. A file is read and checked whole before anything is stored, and its cards are stored in
 * one transaction: a bad file imports nothing. Every call acts for one learner; an unknown roadmap or topic is a
 * {@link NotFound}.
 */
@Service
class ExchangeService {

    private static final Logger log = LoggerFactory.getLogger(ExchangeService.class);

    private final ExchangeStore store;
    private final CardExchange cards;
    private final ReviewExchange reviews;
    private final ImportRun importRun;
    private final TransactionTemplate transaction;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final Scheduler jdbc;

    ExchangeService(ExchangeStore store, CardExchange cards, ReviewExchange reviews, ImportRun importRun,
            TransactionTemplate transaction, ExchangeProperties properties, Clock clock,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.store = store;
        this.cards = cards;
        this.reviews = reviews;
        this.importRun = importRun;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What is exported or imported into: a whole roadmap, or one topic (and the topics below it). */
    record Scope(String roadmapId, String topicId) {

        static Scope roadmap(String id) {
            return new Scope(id, null);
        }

        static Scope topic(String id) {
            return new Scope(null, id);
        }
    }

    /** A file to download. */
    record Download(String filename, String mediaType, byte[] bytes) {
    }

    /** An uploaded file. */
    record Upload(String filename, byte[] bytes) {
    }

    enum Format {
        APKG("apkg", "application/octet-stream"), CSV("csv", "text/csv;charset=UTF-8"),
        TSV("tsv", "text/tab-separated-values;charset=UTF-8");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Format of(String value) {
            for (Format format : values()) {
                if (format.extension.equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
            throw ProblemException.badRequest(
                    "format must be apkg, csv or tsv.");
        }
    }

    Mono<Download> export(Learner learner, Scope scope, String formatName) {
        Format format;
        try {
            format = Format.of(formatName);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return blocking(() -> {
            Resolved target = resolve(scope);
            cards.reconcile(target.roadmap().id());
            List<ExchangeStore.ExportCard> exported = store.cards(learner.id(), target.roadmap().id(),
                    target.topicId() == null ? null : target.decks().subtree(target.topicId()));
            List<ApkgWriter.Note> notes = ExportNotes.of(target.decks(), exported,
                    cardId -> reviews.log(learner.id(), cardId));
            byte[] bytes = switch (format) {
                case APKG -> ApkgWriter.write(target.decks().rootDeck(), notes, clock.instant());
                case CSV -> CsvWriter.write(notes, ',');
                case TSV -> CsvWriter.write(notes, '\t');
            };
            log.info("Exported {} cards of {} as {} for learner {}", notes.size(), target.name(), format.extension,
                    learner.id());
            return new Download(target.name() + "." + format.extension, format.mediaType, bytes);
        });
    }

    Mono<ImportReport> importFile(Learner learner, Scope scope, Mono<Upload> upload) {
        return upload.flatMap(file -> blocking(() -> {
            Resolved target = resolve(scope);
            List<ImportRow> rows = parse(file);
            List<ImportRow> checked = new ArrayList<>();
            for (ImportRow row : rows) {
                String problem = row.card() == null ? null : cards.problem(row.card()).orElse(null);
                checked.add(problem == null ? row : ImportRow.failed(row.row(), problem));
            }
            return new Parsed(target, checked);
        })).flatMap(parsed -> {
            List<ImportRow> valid = parsed.rows().stream().filter(r -> r.card() != null).toList();
            return cards.embed(valid.stream().map(ImportRow::card).toList()).flatMap(vectors -> blocking(() -> {
                Map<Integer, float[]> embeddings = new HashMap<>();
                for (int i = 0; i < valid.size(); i++) {
                    embeddings.put(valid.get(i).row(), vectors.get(i));
                }
                ImportReport report = transaction.execute(tx -> importRun.run(learner.id(), parsed.target().decks(),
                        parsed.target().topicId(), parsed.rows(), embeddings, properties.maxReportRows()));
                log.info("Imported into {} for learner {}: {} imported, {} skipped, {} failed, {} reviews",
                        parsed.target().name(), learner.id(), report.imported(), report.skipped(), report.failed(),
                        report.reviews());
                return report;
            }));
        });
    }

    /** The file's rows: an Anki package (zip, or a bare collection) or CSV/TSV text. */
    private List<ImportRow> parse(Upload file) {
        byte[] bytes = file.bytes();
        String name = file.filename() == null ? "" : file.filename().toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw ImportProblems.unreadable("The file is empty.");
        }
        boolean ankiName = name.endsWith(".apkg") || name.endsWith(".colpkg") || name.endsWith(".anki2")
                || name.endsWith(".anki21");
        if (PackageZip.isZip(bytes) || ApkgReader.isSqlite(bytes) || ankiName) {
            if (!PackageZip.isZip(bytes) && !ApkgReader.isSqlite(bytes)) {
                throw ImportProblems.unreadable("The file is not a zip archive, so it is not an Anki package (.apkg).");
            }
            return ApkgReader.read(bytes, properties.apkgLimits());
        }
        return CsvReader.read(bytes, properties.maxRows());
    }

    private record Parsed(Resolved target, List<ImportRow> rows) {
    }

    /** The roadmap (and topic) a request names, its decks, and a name for files. */
    private record Resolved(ExchangeStore.Roadmap roadmap, UUID topicId, Decks decks, String name) {
    }

    private Resolved resolve(Scope scope) {
        if (scope.topicId() != null) {
            UUID topicId = Uuids.parse(scope.topicId()).orElseThrow(() -> new NotFound("topic", scope.topicId()));
            String roadmapId = store.roadmapOf(topicId).orElseThrow(() -> new NotFound("topic", scope.topicId()));
            ExchangeStore.Roadmap roadmap = store.roadmap(roadmapId).orElseThrow();
            List<ExchangeStore.Topic> topics = store.topics(roadmapId);
            ExchangeStore.Topic topic = topics.stream().filter(t -> t.id().equals(topicId)).findFirst().orElseThrow();
            String key = topic.key();
            String slug = key.substring(key.lastIndexOf('/') + 1);
            return new Resolved(roadmap, topicId, new Decks(roadmap, topics), roadmapId + "-" + slug);
        }
        ExchangeStore.Roadmap roadmap = store.roadmap(scope.roadmapId())
                .orElseThrow(() -> new NotFound("roadmap", scope.roadmapId()));
        return new Resolved(roadmap, null, new Decks(roadmap, store.topics(roadmap.id())), roadmap.id());
    }

    private <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(jdbc);
    }
}
