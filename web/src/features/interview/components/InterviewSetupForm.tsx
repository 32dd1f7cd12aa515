import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { createInterview } from '../api/interview-api';
import { KINDS, LEVELS, MAX_QUESTIONS, MIN_QUESTIONS, type Level, type NewInterview, type QuestionKind } from '../api/types';
import { interviewPath, KIND_LABELS, LEVEL_LABELS } from './format';

/**
 * Starting a mock interview on the page's topic or roadmap: the level (senior unless changed), how many questions
 * (1–15, 5 unless changed) and optionally which kinds; the new session opens at `/interviews/{id}`.
 */
export function InterviewSetupForm({ scope }: { scope: { topicId: string } | { roadmapId: string } }) {
  const navigate = useNavigate();
  const ids = { level: useId(), count: useId(), countHint: useId() };
  const [level, setLevel] = useState<Level>('senior');
  const [count, setCount] = useState('5');
  const [kinds, setKinds] = useState<ReadonlySet<QuestionKind>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const questions = Number(count);
  const countValid = Number.isInteger(questions) && questions >= MIN_QUESTIONS && questions <= MAX_QUESTIONS;

  const toggle = (kind: QuestionKind) =>
    setKinds((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!countValid || busy) return;
    setBusy(true);
    setProblem(null);
    const request: NewInterview = { ...scope, level, questions };
    if (kinds.size > 0) request.kinds = KINDS.filter((kind) => kinds.has(kind));
    try {
      const session = await createInterview(request);
      navigate(interviewPath(session.id));
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form className="generate-form interview-setup" onSubmit={(event) => void submit(event)} data-testid="interview-setup">
      <div className="generate-form__field">
        <label className="generate-form__label" htmlFor={ids.level}>
          Level
        </label>
        <select
          id={ids.level}
          className="generate-form__count interview-setup__level"
          value={level}
          onChange={(event) => setLevel(event.target.value as Level)}
          data-testid="interview-level"
        >
          {LEVELS.map((value) => (
            <option key={value} value={value}>
              {LEVEL_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="generate-form__field">
        <label className="generate-form__label" htmlFor={ids.count}>
          Questions
        </label>
        <input
          id={ids.count}
          className="generate-form__count"
          type="number"
          inputMode="numeric"
          min={MIN_QUESTIONS}
          max={MAX_QUESTIONS}
          step={1}
          value={count}
          aria-invalid={!countValid}
          aria-describedby={ids.countHint}
          onChange={(event) => setCount(event.target.value)}
          data-testid="interview-count"
        />
        <span id={ids.countHint} className="visually-hidden">
          From {MIN_QUESTIONS} to {MAX_QUESTIONS}
        </span>
      </div>
      <fieldset className="generate-form__types">
        <legend className="generate-form__label">Kinds (all when none is ticked)</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="generate-form__type">
            <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} data-testid={`interview-kind-${kind}`} />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <div className="generate-form__actions">
        <button type="submit" className="button interview__action" disabled={busy || !countValid} data-testid="start-interview">
          {busy ? 'Preparing questions…' : 'Start the interview'}
        </button>
      </div>
      {!countValid && (
        <p className="form-error generate-form__problem" role="alert">
          Ask for {MIN_QUESTIONS} to {MAX_QUESTIONS} questions.
        </p>
      )}
      {problem && (
        <p className="form-error generate-form__problem" role="alert" data-testid="interview-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
