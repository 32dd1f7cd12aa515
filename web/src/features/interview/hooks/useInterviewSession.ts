import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { endInterview, getInterview, skipQuestion, streamAnswer } from '../api/interview-api';
import type { Question, Session } from '../api/types';
import { attemptReducer, type Attempt, type AttemptAction } from './attempt';
import { nextPending, withAnswered } from './session-order';

export type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; session: Session };

export interface InterviewSession {
  loaded: Loaded;
  /** The question on screen: the next pending one, or the one just answered until Next is pressed; null when none. */
  shown: Question | null;
  /** The answer being graded or just graded for the question on screen. */
  attempt: Attempt | null;
  /** Why the last skip or end failed, or null. */
  actionError: string | null;
  busy: boolean;
  submit: (answer: string, durationMs: number) => boolean;
  skip: () => Promise<void>;
  end: () => Promise<Session | null>;
  /** Shows the next pending question; returns it, or null when none is left. */
  next: () => Question | null;
}

/**
 * A mock interview: loads the session (so it resumes where the learner left it), streams the grading of an answer
 * into an {@link Attempt} and merges it into the session when done (the question answered, its follow-up added),
 * skips and ends. One answer is graded at a time; unmounting aborts it.
 */
export function useInterviewSession(id: string): InterviewSession {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [shownId, setShownId] = useState<string | null>(null);
  const [attempt, dispatch] = useReducer(attemptReducer, null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = new AbortController();
    setLoaded({ status: 'loading' });
    getInterview(id, current.signal).then(
      (session) => {
        if (current.signal.aborted) return;
        setLoaded({ status: 'ready', session });
        setShownId(nextPending(session)?.id ?? null);
      },
      (error: unknown) => {
        if (!current.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => current.abort();
  }, [id]);

  useEffect(() => () => controller.current?.abort(), []);

  // a graded answer becomes part of the session
  useEffect(() => {
    if (attempt?.status !== 'done') return;
    setLoaded((state) => (state.status === 'ready' ? { status: 'ready', session: withAnswered(state.session, attempt) } : state));
  }, [attempt]);

  const session = loaded.status === 'ready' ? loaded.session : null;
  const shown = session?.questions.find((question) => question.id === shownId) ?? null;

  const submit = useCallback(
    (answer: string, durationMs: number) => {
      const trimmed = answer.trim();
      if (!shownId || trimmed === '' || controller.current) return false;
      const current = new AbortController();
      controller.current = current;
      dispatch({ type: 'submitted', questionId: shownId, answer: trimmed, durationMs });
      void follow(id, shownId, { answer: trimmed, durationMs }, current.signal, dispatch).finally(() => {
        if (controller.current === current) controller.current = null;
      });
      return true;
    },
    [id, shownId],
  );

  const replaceSession = (next: Session) => setLoaded({ status: 'ready', session: next });

  const skip = async () => {
    if (!session || !shown || busy) return;
    setBusy(true);
    setActionError(null);
    try {
      const skipped = await skipQuestion(id, shown.id);
      const next = { ...session, questions: session.questions.map((question) => (question.id === skipped.id ? skipped : question)) };
      replaceSession(next);
      setShownId(nextPending(next)?.id ?? null);
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    if (!session || busy) return null;
    setBusy(true);
    setActionError(null);
    try {
      controller.current?.abort();
      controller.current = null;
      const ended = await endInterview(id);
      replaceSession(ended);
      setShownId(null);
      return ended;
    } catch (error) {
      setActionError(errorMessage(error));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    const question = session ? nextPending(session) : null;
    setShownId(question?.id ?? null);
    return question;
  };

  return { loaded, shown, attempt: attempt && attempt.questionId === shownId ? attempt : null, actionError, busy, submit, skip, end, next };
}

async function follow(
  id: string,
  questionId: string,
  body: { answer: string; durationMs: number },
  signal: AbortSignal,
  dispatch: (action: AttemptAction) => void,
): Promise<void> {
  try {
    for await (const event of streamAnswer(id, questionId, body, signal)) {
      dispatch({ type: 'event', event });
      if (event.type === 'done' || event.type === 'failed') return;
    }
    if (!signal.aborted) dispatch({ type: 'ended' });
  } catch (error) {
    if (!signal.aborted) dispatch({ type: 'errored', error });
  }
}
