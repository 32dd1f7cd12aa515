package dev.groundwork.api.interview;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.interview.InterviewStore.QuestionRow;
import dev.groundwork.api.interview.InterviewStore.SessionRow;
import dev.groundwork.api.interview.InterviewViews.Session;
import dev.groundwork.api.interview.QuestionWriter.Planned;
import dev.groundwork.api.interview.Subjects.Subject;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.store.StoredRoadmap;
import dev.groundwork.ingest.store.StoredTopic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Interview sessions: starting one (its questions written and stored at once, so that it can be resumed), reading,
 * listing, drafts, skipping and ending. Every read and write acts for one learner; another learner's session answers
 * 404. JDBC runs on {@code jdbc}; question writing crosses to {@code inference} inside {@link QuestionWriter}.
 */
@Service
class InterviewService {

    private static final Logger log = LoggerFactory.getLogger(InterviewService.class);
    /** How many roadmap lines are tried per question asked before giving up on the rest. */
    private static final int TRIES_PER_QUESTION = 4;

    private final RoadmapQueries roadmaps;
    private final InterviewStore store;
    private final QuestionWriter writer;
    private final InterviewProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Scheduler jdbc;

    InterviewService(RoadmapQueries roadmaps, InterviewStore store, QuestionWriter writer,
            InterviewProperties properties, TransactionTemplate transaction, Clock clock,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.roadmaps = roadmaps;
        this.store = store;
        this.writer = writer;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What a session is about, once found. */
    private record Target(String roadmapId, UUID topicId, List<Topic> topics) {
    }

    Mono<Session> start(Learner learner, InterviewRequests.Start request) {
        if (request == null) {
            return Mono.error(ProblemException.badRequest("Send topicId or roadmapId."));
        }
        boolean topic = present(request.topicId());
        if (topic == present(request.roadmapId())) {
            return Mono.error(ProblemException.badRequest("Send exactly one of topicId and roadmapId."));
        }
        String level = request.level() == null ? "senior" : request.level().strip().toLowerCase(Locale.ROOT);
        if (!QuestionShapes.LEVELS.contains(level)) {
            return Mono.error(ProblemException.badRequest("level must be one of " + String.join(", ",
                    QuestionShapes.LEVELS) + "; got '" + request.level() + "'."));
        }
        int count = request.questions() == null ? 5 : request.questions();
        if (count < 1 || count > properties.maxQuestions()) {
            return Mono.error(ProblemException.badRequest("questions must be between 1 and "
                    + properties.maxQuestions() + "."));
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : request.kinds() == null || request.kinds().isEmpty() ? QuestionShapes.KINDS
                : request.kinds()) {
            String label = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
            if (!QuestionShapes.KINDS.contains(label)) {
                return Mono.error(ProblemException.badRequest("kinds may hold " + String.join(", ",
                        QuestionShapes.KINDS) + "; got '" + kind + "'."));
            }
            kinds.add(label);
        }
        long started = System.nanoTime();
        return blocking(() -> target(request))
                .flatMap(target -> write(target, level, List.copyOf(kinds), count)
                        .flatMap(planned -> blocking(() -> store(learner, target, level, List.copyOf(kinds), planned,
                                count, started))));
    }

    private Target target(InterviewRequests.Start request) {
        if (present(request.topicId())) {
            StoredTopic topic = Uuids.parse(request.topicId()).flatMap(id -> roadmaps.findTopic(id.toString()))
                    .orElseThrow(() -> new NotFound("topic", request.topicId()));
            return new Target(topic.roadmapId(), UUID.fromString(topic.topic().id()), List.of(topic.topic()));
        }
        StoredRoadmap roadmap = roadmaps.find(request.roadmapId())
                .orElseThrow(() -> new NotFound("roadmap", request.roadmapId()));
        return new Target(request.roadmapId(), null, roadmap.topics());
    }

    /** Writes questions line by line until enough are grounded; a line whose rubric repeats an earlier one is dropped. */
    private Mono<List<Planned>> write(Target target, String level, List<String> kinds, int count) {
        List<Subject> subjects = Subjects.of(target.topics());
        if (subjects.isEmpty()) {
            return Mono.error(noMaterial("names no concept, build task or interview line to ask about"));
        }
        QuestionWriter.Thinness thinness = writer.thinness();
        AtomicInteger rotation = new AtomicInteger();
        Set<String> usedQuotes = new HashSet<>();
        return Flux.fromIterable(subjects)
                .take((long) count * TRIES_PER_QUESTION)
                .concatMap(subject -> {
                    String natural = QuestionShapes.naturalKind(subject.line(), subject.origin());
                    String kind = kinds.contains(natural) ? natural
                            : kinds.get(rotation.getAndIncrement() % kinds.size());
                    return writer.write(subject, kind, level, thinness);
                }, 0)
                .filter(planned -> {
                    List<String> quotes = planned.rubric().stream().map(p -> p.point()).toList();
                    long repeated = quotes.stream().filter(usedQuotes::contains).count();
                    if (repeated > 1) {
                        return false;
                    }
                    usedQuotes.addAll(quotes);
                    return true;
                })
                .take(count)
                .collectList()
                .flatMap(planned -> planned.isEmpty()
                        ? Mono.error(noMaterial("has no ingested source that supports a question, and neither does"
                                + " the rest of the knowledge base"))
                        : Mono.just(planned));
    }

    private Session store(Learner learner, Target target, String level, List<String> kinds, List<Planned> planned,
            int count, long started) {
        SessionRow session = new SessionRow(UUID.randomUUID(), target.roadmapId(), null, target.topicId(), null, level,
                kinds, "active", clock.instant(), null);
        transaction.executeWithoutResult(tx -> {
            store.insertSession(learner.id(), session);
            for (int i = 0; i < planned.size(); i++) {
                store.insertQuestion(learner.id(), session.id(), UUID.randomUUID(),
                        (i + 1) * InterviewStore.POSITION_STEP, null, planned.get(i));
            }
        });
        log.info("Started interview {}: {} of {} questions grounded in {} ms", session.id(), planned.size(), count,
                (System.nanoTime() - started) / 1_000_000);
        String notice = planned.size() < count ? "Only " + planned.size() + " of the " + count + " questions you asked"
                + " for could be grounded in the sources; the others were not asked." : null;
        return view(learner, session.id(), notice);
    }

    Mono<Session> get(Learner learner, String sessionId) {
        return blocking(() -> view(learner, id(sessionId), null));
    }

    Mono<List<InterviewViews.Summary>> list(Learner learner, String roadmapId) {
        return blocking(() -> store.sessions(learner.id(), present(roadmapId) ? roadmapId : null, 100).stream()
                .map(InterviewViews.Summary::of).toList());
    }

    Mono<Void> draft(Learner learner, String sessionId, String questionId, InterviewRequests.Draft draft) {
        String text = draft == null || draft.answer() == null ? "" : draft.answer();
        if (text.length() > properties.maxAnswerChars()) {
            return Mono.error(ProblemException.badRequest("A draft holds at most " + properties.maxAnswerChars()
                    + " characters."));
        }
        return blocking(() -> {
            QuestionRow question = question(learner, sessionId, questionId);
            if (question.answered()) {
                throw answered();
            }
            store.saveDraft(learner.id(), question.id(), text.isEmpty() ? null : text);
            return true;
        }).then();
    }

    Mono<InterviewViews.Question> skip(Learner learner, String sessionId, String questionId) {
        return blocking(() -> {
            QuestionRow question = open(learner, sessionId, questionId);
            store.skip(learner.id(), question.id());
            return questionView(learner, question.sessionId(), question.id());
        });
    }

    Mono<Session> end(Learner learner, String sessionId) {
        return blocking(() -> {
            SessionRow session = session(learner, sessionId);
            store.end(learner.id(), session.id(), clock.instant());
            return view(learner, session.id(), null);
        });
    }

    /** The session with its questions; answered ones carry their grading. Blocking. */
    Session view(Learner learner, UUID sessionId, String notice) {
        SessionRow session = store.session(learner.id(), sessionId)
                .orElseThrow(() -> new NotFound("interview", sessionId.toString()));
        List<QuestionRow> questions = store.questions(learner.id(), sessionId);
        Map<UUID, UUID> followUps = new HashMap<>();
        for (QuestionRow q : questions) {
            if (q.parentId() != null) {
                followUps.putIfAbsent(q.parentId(), q.id());
            }
        }
        return Session.of(session, questions, notice, followUps);
    }

    /** One question of the session as the session view shows it (its position, its follow-up). Blocking. */
    InterviewViews.Question questionView(Learner learner, UUID sessionId, UUID questionId) {
        return view(learner, sessionId, null).questions().stream()
                .filter(q -> q.id().equals(questionId.toString())).findFirst()
                .orElseThrow(() -> new NotFound("interview question", questionId.toString()));
    }

    SessionRow session(Learner learner, String sessionId) {
        return store.session(learner.id(), id(sessionId)).orElseThrow(() -> new NotFound("interview", sessionId));
    }

    QuestionRow question(Learner learner, String sessionId, String questionId) {
        UUID session = id(sessionId);
        return Uuids.parse(questionId).flatMap(q -> store.question(learner.id(), session, q))
                .orElseThrow(() -> new NotFound("interview question", questionId));
    }

    /** The question, still to be answered in a session still active: else a conflict. Blocking. */
    QuestionRow open(Learner learner, String sessionId, String questionId) {
        SessionRow session = session(learner, sessionId);
        QuestionRow question = question(learner, sessionId, questionId);
        if (question.answered()) {
            throw answered();
        }
        if (!"active".equals(session.status())) {
            throw ended();
        }
        return question;
    }

    private static UUID id(String sessionId) {
        return Uuids.parse(sessionId).orElseThrow(() -> new NotFound("interview", sessionId));
    }

    static ProblemException answered() {
        return new ProblemException(HttpStatus.CONFLICT, ProblemType.INTERVIEW_QUESTION_ANSWERED,
                "This question was already answered; its feedback is in the session.");
    }

    private static ProblemException ended() {
        return new ProblemException(HttpStatus.CONFLICT, ProblemType.INTERVIEW_ENDED,
                "This interview has ended; start a new one to answer more questions.");
    }

    private static ProblemException noMaterial(String why) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.INTERVIEW_NO_MATERIAL,
                "Nothing to ask yet: this scope " + why + ". Wait for ingestion to finish, or pick another topic.");
    }

    private <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(jdbc);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
