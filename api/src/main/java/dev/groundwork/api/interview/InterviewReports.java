package dev.groundwork.api.interview;

import dev.groundwork.api.flashcard.CardExchange;
import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.flashcard.ImportedCard;
import dev.groundwork.api.interview.InterviewStore.QuestionRow;
import dev.groundwork.api.interview.InterviewStore.SessionRow;
import dev.groundwork.api.interview.InterviewViews.CardsMade;
import dev.groundwork.api.interview.InterviewViews.MadeCard;
import dev.groundwork.api.interview.InterviewViews.Overall;
import dev.groundwork.api.interview.InterviewViews.PointView;
import dev.groundwork.api.interview.InterviewViews.Report;
import dev.groundwork.api.interview.InterviewViews.ReportQuestion;
import dev.groundwork.api.interview.InterviewViews.ScopeView;
import dev.groundwork.api.interview.InterviewViews.StudyNext;
import dev.groundwork.api.interview.InterviewViews.WeakTopic;
import dev.groundwork.api.interview.Rubric.Anchor;
import dev.groundwork.api.security.Learner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What a session leaves behind: its report (scores, the points missed with their passages, the weakest topics, what to
 * study next) and cards made from every missed or partly covered point — anchored on the point's passage,
 * de-duplicated against the learner's cards, scheduled as new cards. JDBC on {@code jdbc}; card embeddings on
 * {@code inference} ({@link CardExchange#embed}).
 */
@Service
class InterviewReports {

    private static final int STUDY_NEXT = 8;

    private final InterviewService sessions;
    private final InterviewStore store;
    private final CardExchange cards;
    private final TransactionTemplate transaction;
    private final Scheduler jdbc;

    InterviewReports(InterviewService sessions, InterviewStore store, CardExchange cards,
            TransactionTemplate transaction, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.sessions = sessions;
        this.store = store;
        this.cards = cards;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    Mono<Report> report(Learner learner, String sessionId) {
        return Mono.fromCallable(() -> {
            SessionRow session = sessions.session(learner, sessionId);
            return report(session, store.questions(learner.id(), session.id()));
        }).subscribeOn(jdbc);
    }

    static Report report(SessionRow session, List<QuestionRow> questions) {
        List<ReportQuestion> rows = new ArrayList<>();
        Map<UUID, List<QuestionRow>> byTopic = new LinkedHashMap<>();
        int answered = 0;
        int skipped = 0;
        double total = 0;
        for (int i = 0; i < questions.size(); i++) {
            QuestionRow q = questions.get(i);
            List<PointView> missed = q.answered() ? missed(q) : List.of();
            rows.add(new ReportQuestion(q.id().toString(), i + 1, q.parentId() == null ? null : q.parentId().toString(),
                    q.kind(), q.text(), q.topicId().toString(), q.topicTitle(), q.status(), q.durationMs(), q.score(),
                    missed));
            if (q.answered()) {
                answered++;
                total += q.overall() == null ? 0 : q.overall();
                byTopic.computeIfAbsent(q.topicId(), id -> new ArrayList<>()).add(q);
            } else if ("skipped".equals(q.status())) {
                skipped++;
            }
        }
        List<WeakTopic> weakest = byTopic.values().stream()
                .map(list -> new WeakTopic(list.get(0).topicId().toString(), list.get(0).topicTitle(),
                        Math.round(10 * list.stream().mapToDouble(q -> q.overall() == null ? 0 : q.overall())
                                .average().orElse(0)) / 10.0, list.size()))
                .sorted(Comparator.comparingDouble(WeakTopic::overall))
                .toList();
        List<StudyNext> next = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (WeakTopic topic : weakest) {
            for (QuestionRow q : byTopic.get(UUID.fromString(topic.topicId()))) {
                missed(q).stream()
                        .sorted(Comparator.comparing(p -> "partial".equals(p.verdict())))
                        .filter(p -> listed.add(p.point()))  // a follow-up asks again about a point it missed
                        .forEach(p -> next.add(new StudyNext(topic.topicId(), topic.title(), p.point(), p.anchor())));
            }
        }
        Double overall = answered == 0 ? null : Math.round(10 * total / answered) / 10.0;
        return new Report(session.id().toString(), ScopeView.of(session), session.level(), session.status(),
                new Overall(overall, answered, skipped, questions.size() - answered - skipped), rows, weakest,
                next.stream().limit(STUDY_NEXT).toList());
    }

    private static List<PointView> missed(QuestionRow q) {
        return InterviewViews.points(q).stream().filter(p -> !"covered".equals(p.verdict())).toList();
    }

    /** A card to make from a missed point, and the topic it goes to. */
    private record Miss(UUID topicId, ImportedCard card) {
    }

    Mono<CardsMade> cards(Learner learner, String sessionId) {
        return Mono.fromCallable(() -> {
                    SessionRow session = sessions.session(learner, sessionId);
                    return misses(store.questions(learner.id(), session.id()));
                })
                .subscribeOn(jdbc)
                .flatMap(misses -> cards.embed(misses.stream().map(Miss::card).toList())
                        .publishOn(jdbc)
                        .map(vectors -> transaction.execute(tx -> store(learner, misses, vectors))));
    }

    private CardsMade store(Learner learner, List<Miss> misses, List<float[]> vectors) {
        int duplicates = 0;
        List<MadeCard> made = new ArrayList<>();
        for (int i = 0; i < misses.size(); i++) {
            Miss miss = misses.get(i);
            CardExchange.Outcome outcome = cards.storeFromInterview(learner.id(), miss.topicId(), miss.card(),
                    vectors.get(i));
            if (outcome instanceof CardExchange.Outcome.Stored stored) {
                made.add(new MadeCard(stored.cardId().toString(), miss.card().front()));
            } else {
                duplicates++;
            }
        }
        return new CardsMade(made.size(), duplicates, made);
    }

    /**
     * A basic card per missed or partly covered point of every answered question, once per point (a follow-up asks
     * again about the point it follows up): front, the question the point answers (for a definition, "What is …?");
     * back, the point; source, its passage.
     */
    static List<Miss> misses(List<QuestionRow> questions) {
        List<Miss> misses = new ArrayList<>();
        Set<String> carded = new HashSet<>();
        for (QuestionRow q : questions) {
            if (!q.answered()) {
                continue;
            }
            List<PointView> points = InterviewViews.points(q);
            for (PointView p : points) {
                if ("covered".equals(p.verdict()) || !carded.add(p.point())) {
                    continue;  // covered, or missed again in a follow-up: one card per point
                }
                String term = q.rubric().get(p.index() - 1).term();
                String front = term != null && !term.isBlank() ? "What is " + term + "?"
                        : q.text() + " (key point " + p.index() + " of " + points.size() + ")";
                Anchor a = p.anchor();
                misses.add(new Miss(q.topicId(), new ImportedCard(CardType.BASIC, front, p.point(), null,
                        new ImportedCard.Source(a.url(), a.title(), a.headingPath(), a.page(), a.quote()), null,
                        List.of("interview"), false)));
            }
        }
        return misses;
    }
}
