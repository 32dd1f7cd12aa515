package dev.groundwork.api.interview;

import dev.groundwork.api.generation.GenerationEvent;
import dev.groundwork.api.generation.GenerationRequest;
import dev.groundwork.api.generation.Generators;
import dev.groundwork.api.generation.LlmGrader;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.interview.InterviewStore.PointGrade;
import dev.groundwork.api.interview.InterviewStore.QuestionRow;
import dev.groundwork.api.interview.InterviewViews.Citation;
import dev.groundwork.api.interview.InterviewViews.Done;
import dev.groundwork.api.interview.InterviewViews.Failed;
import dev.groundwork.api.interview.InterviewViews.Notice;
import dev.groundwork.api.interview.InterviewViews.PointView;
import dev.groundwork.api.interview.InterviewViews.ReferenceToken;
import dev.groundwork.api.interview.Rubric.Anchor;
import dev.groundwork.api.interview.Rubric.Point;
import dev.groundwork.api.interview.Rubric.Reference;
import dev.groundwork.api.interview.Scoring.Score;
import dev.groundwork.api.interview.Subjects.Subject;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.security.Learner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Grades an answer as a stream of events. Before the first event (failures here are HTTP problems): the answer is
 * checked and the question found, unanswered, in an active session. Then the points are judged — by the model when
 * one is configured (verdicts only; a verdict that quotes nothing the answer says counts as missed), else offline
 * ({@link OfflineGrader}), and offline too when the model fails — the score computed ({@link Scoring}) and the result
 * stored; then {@code point} per rubric point, {@code score}, the reference answer as {@code reference} tokens with a
 * {@code citation} after each marker, a {@code followup} aimed at the weakest point, and {@code done}; or
 * {@code failed}. JDBC on {@code jdbc}; embeddings on {@code inference}.
 */
@Service
class AnswerGrading {

    private static final Logger log = LoggerFactory.getLogger(AnswerGrading.class);
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    private final InterviewService sessions;
    private final InterviewStore store;
    private final Generators generators;
    private final OfflineGrader offline;
    private final Passages passages;
    private final InterviewProperties properties;
    private final Clock clock;
    private final Scheduler jdbc;
    private final Scheduler inference;

    AnswerGrading(InterviewService sessions, InterviewStore store, Generators generators, EmbeddingModel model,
            Passages passages, InterviewProperties properties, Clock clock, @Qualifier("jdbcScheduler") Scheduler jdbc,
            @Qualifier("inferenceScheduler") Scheduler inference) {
        this.sessions = sessions;
        this.store = store;
        this.generators = generators;
        this.offline = new OfflineGrader(model, properties.covered(), properties.partial());
        this.passages = passages;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
        this.inference = inference;
    }

    /** The question being answered and the answer. */
    private record Asked(Learner learner, QuestionRow question, String answer, Integer durationMs, long startNanos) {
    }

    /** The points as judged, by whom, and what the learner should know about it. */
    private record Grading(List<PointGrade> grades, String mode, String model, Notice notice) {

        List<Verdict> verdicts() {
            return grades.stream().map(g -> Verdict.of(g.verdict()).orElse(Verdict.MISSED)).toList();
        }
    }

    Flux<ServerSentEvent<Object>> answer(Learner learner, String sessionId, String questionId,
            InterviewRequests.Answer request) {
        long start = System.nanoTime();
        String answer = request == null || request.answer() == null ? "" : request.answer().strip();
        if (answer.isEmpty()) {
            return Flux.error(ProblemException.badRequest("Write an answer first."));
        }
        if (answer.length() > properties.maxAnswerChars()) {
            return Flux.error(ProblemException.badRequest("An answer holds at most " + properties.maxAnswerChars()
                    + " characters; this one has " + answer.length() + "."));
        }
        Long duration = request.durationMs();
        if (duration != null && (duration < 0 || duration > Integer.MAX_VALUE)) {
            return Flux.error(ProblemException.badRequest("durationMs must be a number of milliseconds, 0 or more."));
        }
        return Mono.fromCallable(() -> new Asked(learner, sessions.open(learner, sessionId, questionId), answer,
                        duration == null ? null : duration.intValue(), start))
                .subscribeOn(jdbc)
                .flatMapMany(asked -> Flux.merge(stream(asked), heartbeats())
                        .takeUntil(event -> "done".equals(event.event()) || "failed".equals(event.event())));
    }

    private Flux<ServerSentEvent<Object>> heartbeats() {
        return Flux.interval(properties.heartbeat()).map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
    }

    private Flux<ServerSentEvent<Object>> stream(Asked asked) {
        QuestionRow q = asked.question();
        return grade(asked)
                .flatMap(grading -> Mono.fromCallable(() -> save(asked, grading)).subscribeOn(jdbc)
                        .map(score -> Map.entry(grading, score)))
                .flatMapMany(graded -> {
                    Grading grading = graded.getKey();
                    Score score = graded.getValue();
                    List<ServerSentEvent<Object>> head = new ArrayList<>();
                    if (grading.notice() != null) {
                        head.add(event("notice", grading.notice()));
                    }
                    for (int i = 0; i < q.rubric().size(); i++) {
                        PointGrade g = grading.grades().get(i);
                        head.add(event("point", new PointView(i + 1, q.rubric().get(i).point(), g.verdict(),
                                g.evidence(), q.rubric().get(i).anchor())));
                    }
                    head.add(event("score", score));
                    return Flux.fromIterable(head)
                            .concatWith(reference(asked, grading))
                            .concatWith(followUp(asked, grading))
                            .concatWith(Mono.fromSupplier(() -> event("done", new Done(q.id().toString(),
                                    grading.mode(), grading.model(), score.overall().score(),
                                    (System.nanoTime() - asked.startNanos()) / 1_000_000))));
                })
                .onErrorResume(e -> Flux.just(failed(e)));
    }

    private Mono<Grading> grade(Asked asked) {
        List<String> points = asked.question().rubric().stream().map(Point::point).toList();
        Mono<Grading> offlineGrading = Mono.fromCallable(() -> offline.grade(points, asked.answer()).stream()
                        .map(g -> new PointGrade(g.verdict().label(), g.evidence(), round(g.match()))).toList())
                .subscribeOn(inference)
                .map(grades -> new Grading(grades, "offline", null, null));
        Optional<LlmGrader> grader = generators.grader();
        if (grader.isEmpty()) {
            return offlineGrading;
        }
        return grader.get().grade(asked.question().text(), points, asked.answer())
                .map(graded -> new Grading(checked(graded.verdicts(), points, asked.answer()), "llm", graded.model(),
                        null))
                .onErrorResume(failure -> {
                    log.warn("The model failed while grading; grading offline: {}", failure.toString());
                    return offlineGrading.map(g -> new Grading(g.grades(), g.mode(), null, new Notice("fallback",
                            "The model did not answer; your answer was graded offline instead.")));
                });
    }

    /**
     * The model's verdicts, one per point in order. A point it left out is missed; a covered or partial verdict counts
     * only when its evidence is the learner's own words (found in the answer) and shares two content words with the
     * point (one, for a point of one word).
     */
    static List<PointGrade> checked(List<LlmGrader.Verdict> verdicts, List<String> points, String answer) {
        String flatAnswer = flat(answer);
        List<PointGrade> grades = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int n = i + 1;
            LlmGrader.Verdict said = verdicts.stream().filter(v -> v.point() == n).findFirst().orElse(null);
            Verdict verdict = said == null ? Verdict.MISSED : Verdict.of(said.verdict()).orElse(Verdict.MISSED);
            String evidence = said == null || said.evidence() == null ? null : flat(said.evidence());
            Set<String> pointTerms = Statements.terms(points.get(i));
            boolean grounded = evidence != null && !evidence.isEmpty() && flatAnswer.contains(evidence)
                    && Statements.shared(pointTerms, Statements.terms(evidence)) >= Math.min(2, pointTerms.size());
            if (verdict != Verdict.MISSED && !grounded) {
                verdict = Verdict.MISSED;
            }
            grades.add(new PointGrade(verdict.label(), verdict == Verdict.MISSED ? null : said.evidence().strip(),
                    verdict.credit()));
        }
        return grades;
    }

    /** Scores the grading and stores both; a question answered meanwhile is a conflict. Blocking JDBC. */
    private Score save(Asked asked, Grading grading) {
        Score score = Scoring.of(grading.verdicts(), asked.answer(), grading.mode());
        if (!store.saveResult(asked.learner().id(), asked.question().id(), asked.answer(), asked.durationMs(),
                grading.grades(), score, grading.mode(), grading.model(), clock.instant())) {
            throw InterviewService.answered();
        }
        return score;
    }

    /** The reference answer: written by the model over the question's passages when it graded, else the stored one. */
    private Flux<ServerSentEvent<Object>> reference(Asked asked, Grading grading) {
        Reference stored = asked.question().reference();
        if (!"llm".equals(grading.mode()) || generators.llm().isEmpty()) {
            return tokens(stored.text(), stored.sources());
        }
        return Mono.fromCallable(() -> stored.sources().stream()
                        .map(source -> passages.chunk(source.chunkId()).orElse(null))
                        .filter(java.util.Objects::nonNull).toList())
                .subscribeOn(jdbc)
                .flatMapMany(chunks -> {
                    if (chunks.isEmpty()) {
                        return tokens(stored.text(), stored.sources());
                    }
                    List<Anchor> sources = chunks.stream().map(c -> Anchor.of(c, c.snippet(240))).toList();
                    StringBuilder text = new StringBuilder();
                    Set<Integer> cited = new HashSet<>();
                    return generators.llm().get()
                            .generate(new GenerationRequest(asked.question().text(), chunks, List.of()))
                            .ofType(GenerationEvent.Token.class)
                            .concatMapIterable(token -> {
                                text.append(token.text());
                                return withCitations(token.text(), text, cited, sources);
                            })
                            .concatWith(Mono.fromCallable(() -> {
                                store.saveReference(asked.learner().id(), asked.question().id(),
                                        new Reference(text.toString(), sources));
                                return List.<ServerSentEvent<Object>>of();
                            }).subscribeOn(jdbc).flatMapIterable(list -> list))
                            .onErrorResume(failure -> {
                                log.warn("The model failed while writing a reference answer: {}", failure.toString());
                                return Flux.just(event("notice", new Notice("fallback", "The model did not finish the"
                                        + " reference answer; here is the one quoted from your sources.")))
                                        .concatWith(tokens("\n\n" + stored.text(), stored.sources()));
                            });
                });
    }

    private static Flux<ServerSentEvent<Object>> tokens(String text, List<Anchor> sources) {
        StringBuilder seen = new StringBuilder();
        Set<Integer> cited = new HashSet<>();
        List<ServerSentEvent<Object>> events = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            seen.append(tokens.group());
            events.addAll(withCitations(tokens.group(), seen, cited, sources));
        }
        return Flux.fromIterable(events);
    }

    /** The token, then a citation for each marker completed so far that was not cited yet. */
    private static List<ServerSentEvent<Object>> withCitations(String token, CharSequence text, Set<Integer> cited,
            List<Anchor> sources) {
        List<ServerSentEvent<Object>> events = new ArrayList<>();
        events.add(event("reference", new ReferenceToken(token)));
        Matcher markers = MARKER.matcher(text);
        while (markers.find()) {
            int n = Integer.parseInt(markers.group(1));
            if (n >= 1 && n <= sources.size() && cited.add(n)) {
                events.add(event("citation", Citation.of(n, sources.get(n - 1))));
            }
        }
        return events;
    }

    /** A follow-up on the weakest point, stored as the session's next question; none for a follow-up itself. */
    private Flux<ServerSentEvent<Object>> followUp(Asked asked, Grading grading) {
        QuestionRow q = asked.question();
        if (q.parentId() != null) {
            return Flux.empty();
        }
        Optional<Integer> weakest = FollowUps.weakest(grading.verdicts(),
                grading.grades().stream().map(PointGrade::match).toList());
        if (weakest.isEmpty()) {
            return Flux.empty();
        }
        Point point = q.rubric().get(weakest.get());
        Verdict verdict = grading.verdicts().get(weakest.get());
        String text = FollowUps.question(point, verdict, q.text(), asked.answer());
        return Mono.fromCallable(() -> passages.chunk(point.anchor().chunkId()))
                .subscribeOn(jdbc)
                .publishOn(inference)
                .map(chunk -> {
                    List<Point> rubric = chunk.map(c -> FollowUps.rubric(point, c)).orElse(List.of(point));
                    List<RetrievedChunk> sources = chunk.map(List::of).orElse(List.of());
                    Reference reference = sources.isEmpty()
                            ? new Reference(point.point() + " [1]", List.of(point.anchor()))
                            : new Reference(generators.extractive().answer(text, sources),
                                    List.of(Anchor.of(sources.get(0), sources.get(0).snippet(240))));
                    return new QuestionWriter.Planned(new Subject(q.topicId().toString(), q.topicTitle(), "follow-up",
                            q.subject()), q.kind(), q.level(), text, rubric, reference, q.broadened());
                })
                .publishOn(jdbc)
                .map(planned -> {
                    UUID id = UUID.randomUUID();
                    store.insertQuestion(asked.learner().id(), q.sessionId(), id,
                            store.positionAfter(asked.learner().id(), q.sessionId(), q.position()), q.id(), planned);
                    return event("followup", sessions.questionView(asked.learner(), q.sessionId(), id));
                })
                .flux();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String flat(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static ServerSentEvent<Object> failed(Throwable e) {
        if (e instanceof ProblemException problem) {
            return event("failed", new Failed(problem.type().uri().toString(), problem.type().title(),
                    problem.status().value(), problem.getMessage()));
        }
        log.error("Grading stream failed", e);
        return event("failed", new Failed(ProblemType.INTERNAL.uri().toString(), ProblemType.INTERNAL.title(), 500,
                "The answer could not be graded. Try again; if it keeps failing, the server log has the details."));
    }

    private static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }
}
