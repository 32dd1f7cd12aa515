import type { Question, Result, Session } from '../api/types';
import type { Attempt } from './attempt';

/**
 * The session's questions in the order they are asked: by position, each follow-up right after the question it
 * follows up on (a follow-up of a follow-up after that one). Follow-ups whose parent is not in the session keep
 * their own position.
 */
export function inOrder(questions: readonly Question[]): Question[] {
  const byPosition = [...questions].sort((a, b) => a.position - b.position);
  const ids = new Set(byPosition.map((question) => question.id));
  const children = new Map<string, Question[]>();
  for (const question of byPosition) {
    if (question.parentId && ids.has(question.parentId)) {
      children.set(question.parentId, [...(children.get(question.parentId) ?? []), question]);
    }
  }
  const ordered: Question[] = [];
  const visit = (question: Question) => {
    ordered.push(question);
    for (const child of children.get(question.id) ?? []) visit(child);
  };
  for (const question of byPosition) {
    if (!question.parentId || !ids.has(question.parentId)) visit(question);
  }
  return ordered;
}

/** The question to ask next: the first pending one in {@link inOrder}; null when none is left or the session ended. */
export function nextPending(session: Session): Question | null {
  if (session.status === 'ended') return null;
  return inOrder(session.questions).find((question) => question.status === 'pending') ?? null;
}

/** The session after an answer was graded: the question answered with its result, the follow-up added. */
export function withAnswered(session: Session, attempt: Attempt): Session {
  const result = resultOf(attempt);
  if (!result) return session;
  const questions = session.questions.map((question) =>
    question.id === attempt.questionId ? { ...question, status: 'answered' as const, draft: null, result } : question,
  );
  const followup = attempt.followup;
  if (followup && !questions.some((question) => question.id === followup.id)) questions.push(followup);
  return { ...session, questions };
}

/** The stored shape of a graded attempt; null until its `done` and `score` arrived. */
export function resultOf(attempt: Attempt): Result | null {
  if (attempt.status !== 'done' || !attempt.score || !attempt.done) return null;
  return {
    answer: attempt.answer,
    durationMs: attempt.done.durationMs ?? attempt.durationMs,
    mode: attempt.done.mode ?? attempt.score.mode,
    model: attempt.done.model ?? null,
    points: attempt.points,
    score: attempt.score,
    reference: { text: attempt.reference, citations: attempt.citations },
    followupId: attempt.followup?.id ?? null,
  };
}

/** "1 of 5": where `question` stands among the session's questions. */
export function placeOf(session: Session, question: Question): { n: number; of: number } {
  const ordered = inOrder(session.questions);
  return { n: ordered.findIndex((candidate) => candidate.id === question.id) + 1, of: ordered.length };
}
