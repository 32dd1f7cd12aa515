import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_ANSWER_LENGTH } from '../api/types';
import { useDraftAutosave, type DraftStatus } from '../hooks/useDraftAutosave';

interface AnswerFormProps {
  sessionId: string;
  questionId: string;
  draft: string | null;
  disabled: boolean;
  /** Returns false when the answer was not sent (blank, or one is already being graded). */
  onSubmit: (answer: string) => boolean;
  onSkip: () => void;
  autosaveMs?: number;
}

const DRAFT_LINES: Record<DraftStatus, string> = { idle: '', saving: 'Saving draft…', saved: 'Draft saved', failed: 'Could not save the draft' };

/**
 * The answer box: restored from the question's draft, autosaved while typing, sent with Submit or Ctrl+Enter
 * (Cmd+Enter on a Mac). Skip leaves the question unanswered.
 */
export function AnswerForm({ sessionId, questionId, draft, disabled, onSubmit, onSkip, autosaveMs }: AnswerFormProps) {
  const inputId = useId();
  const hintId = useId();
  const { text, change, status, discard } = useDraftAutosave(sessionId, questionId, draft ?? '', autosaveMs);
  const blank = text.trim() === '';

  const send = () => {
    if (disabled || blank) return;
    if (onSubmit(text)) discard();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className="interview-answer" onSubmit={handleSubmit} data-testid="answer-form">
      <label className="chat-form__label" htmlFor={inputId}>
        Your answer
      </label>
      <textarea
        id={inputId}
        className="chat-form__input interview-answer__input"
        value={text}
        maxLength={MAX_ANSWER_LENGTH}
        rows={8}
        disabled={disabled}
        aria-describedby={hintId}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onChange={(event) => change(event.target.value)}
        onKeyDown={handleKeyDown}
        data-testid="answer-input"
      />
      <div className="chat-form__row interview-answer__row">
        <p id={hintId} className="meta chat-form__counter">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to submit · {text.length} / {MAX_ANSWER_LENGTH}
          <span className="interview-answer__draft" role="status" data-testid="draft-status" data-status={status}>
            {DRAFT_LINES[status] && ` · ${DRAFT_LINES[status]}`}
          </span>
        </p>
        <button type="button" className="button button--secondary interview__action" disabled={disabled} onClick={onSkip} data-testid="skip">
          Skip
        </button>
        <button type="submit" className="button interview__action" disabled={disabled || blank} data-testid="submit-answer">
          Submit
        </button>
      </div>
    </form>
  );
}
