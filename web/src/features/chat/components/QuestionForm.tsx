import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_QUESTION_LENGTH } from '../api/types';

interface QuestionFormProps {
  streaming: boolean;
  /** Returns false when the question was not sent; the text then stays in the box. */
  onAsk: (question: string) => boolean;
  onStop: () => void;
}

/** The question box: Enter sends, Shift+Enter starts a new line; disabled while an answer streams. */
export function QuestionForm({ streaming, onAsk, onStop }: QuestionFormProps) {
  const [question, setQuestion] = useState('');
  const inputId = useId();
  const counterId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const empty = question.trim() === '';

  // the box was disabled while the answer streamed: give focus back if it went nowhere (Stop disappears too)
  useEffect(() => {
    if (!streaming && document.activeElement === document.body) input.current?.focus();
  }, [streaming]);

  const send = () => {
    if (streaming || empty) return;
    if (onAsk(question)) setQuestion('');
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form className="chat-form" onSubmit={handleSubmit}>
      <label htmlFor={inputId} className="chat-form__label">
        Your question
      </label>
      <textarea
        ref={input}
        id={inputId}
        className="chat-form__input"
        data-testid="chat-input"
        rows={3}
        maxLength={MAX_QUESTION_LENGTH}
        value={question}
        disabled={streaming}
        aria-describedby={counterId}
        placeholder="Ask about the sources. Enter sends, Shift+Enter adds a line."
        onChange={(event) => setQuestion(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <div className="chat-form__row">
        <span id={counterId} className="meta chat-form__counter">
          {question.length} / {MAX_QUESTION_LENGTH}
          <span className="visually-hidden"> characters</span>
        </span>
        {streaming && (
          <button type="button" className="button button--secondary" data-testid="chat-stop" onClick={onStop}>
            Stop
          </button>
        )}
        <button type="submit" className="button" data-testid="chat-send" disabled={streaming || empty}>
          Send
        </button>
      </div>
    </form>
  );
}
