import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CARD_TYPES, type CardType } from '../api/types';
import { hasDeletion } from '../../../lib/cloze';
import { typeLabel } from './format';

/** The editable content of a card; for cloze, `back` is the optional extra. */
export interface CardFields {
  type: CardType;
  front: string;
  back: string;
  text: string;
}

export const EMPTY_FIELDS: CardFields = { type: 'basic', front: '', back: '', text: '' };

interface CardEditorProps {
  initial: CardFields;
  /** Lets the learner pick the type (adding a card); editing keeps the card's type. */
  chooseType?: boolean;
  submitLabel: string;
  cancelLabel?: string;
  pending: boolean;
  /** The server's answer to the last attempt (a 400 problem's detail), shown under the fields. */
  serverError: string | null;
  /** Saves the fields (trimmed); resolves to true when they were stored. */
  onSubmit: (fields: CardFields) => Promise<boolean> | boolean;
  onCancel: () => void;
}

type FieldName = 'front' | 'back' | 'text';

/** What is missing from the fields: a sentence and the fields to fix, or null when they can be sent. */
export function validateFields(fields: CardFields): { message: string; fields: FieldName[] } | null {
  if (fields.type === 'cloze') {
    if (fields.text.trim() === '') return { message: 'Write the cloze text.', fields: ['text'] };
    if (!hasDeletion(fields.text)) return { message: 'Mark at least one answer in the text as {{c1::answer}}.', fields: ['text'] };
    return null;
  }
  const blank = (['front', 'back'] as const).filter((name) => fields[name].trim() === '');
  if (blank.length === 0) return null;
  return { message: blank.length === 2 ? 'Write a front and a back.' : `Write the ${blank[0]}.`, fields: blank };
}

function trimmed(fields: CardFields): CardFields {
  return { type: fields.type, front: fields.front.trim(), back: fields.back.trim(), text: fields.text.trim() };
}

/**
 * The fields of one card: front and back, or cloze text and an optional extra. Save checks what is required before
 * sending; Escape cancels. The first field takes focus when the editor opens.
 */
export function CardEditor({ initial, chooseType = false, submitLabel, cancelLabel = 'Cancel', pending, serverError, onSubmit, onCancel }: CardEditorProps) {
  const [fields, setFields] = useState<CardFields>(initial);
  const [problem, setProblem] = useState<ReturnType<typeof validateFields>>(null);
  const first = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const message = problem?.message ?? serverError;

  // on opening only: choosing another type with the arrow keys must leave focus on the radio buttons
  useEffect(() => {
    first.current?.focus();
  }, []);

  const set = (name: keyof CardFields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setProblem(null);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const invalid = validateFields(fields);
    setProblem(invalid);
    if (invalid) return;
    const stored = await onSubmit(trimmed(fields));
    // adding: clear the fields for the next card; editing: the parent closes the editor
    if (stored && chooseType) {
      setFields({ ...EMPTY_FIELDS, type: fields.type });
      first.current?.focus();
    }
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  const field = (name: FieldName, label: string, rows: number, hint?: string) => (
    <div className="card-editor__field">
      <label htmlFor={`${id}-${name}`} className="card-editor__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-${name}-hint`} className="meta card-editor__hint">
          {hint}
        </p>
      )}
      <textarea
        ref={name === (fields.type === 'cloze' ? 'text' : 'front') ? first : undefined}
        id={`${id}-${name}`}
        className="card-editor__input"
        data-testid={`card-field-${name}`}
        rows={rows}
        value={fields[name]}
        aria-invalid={problem?.fields.includes(name) ? true : undefined}
        aria-describedby={[hint ? `${id}-${name}-hint` : '', message ? errorId : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => set(name)(event.target.value)}
      />
    </div>
  );

  return (
    <form className="card-editor" onSubmit={handleSubmit} onKeyDown={handleKeyDown} noValidate>
      {chooseType && (
        <fieldset className="card-editor__types">
          <legend className="card-editor__label">Type</legend>
          {CARD_TYPES.map((type) => (
            <label key={type} className="card-editor__type">
              <input
                type="radio"
                name={`${id}-type`}
                value={type}
                checked={fields.type === type}
                onChange={() => set('type')(type)}
              />
              {typeLabel(type)}
            </label>
          ))}
        </fieldset>
      )}
      {fields.type === 'cloze' ? (
        <>
          {field('text', 'Text', 3, 'Mark each answer as {{c1::answer}}, or {{c1::answer::hint}}; use c2, c3 … for separate reviews.')}
          {field('back', 'Extra (optional)', 2)}
        </>
      ) : (
        <>
          {field('front', fields.type === 'reversed' ? 'Front (term)' : 'Front', 2)}
          {field('back', fields.type === 'reversed' ? 'Back (definition)' : 'Back', 3)}
        </>
      )}
      {message && (
        <p id={errorId} className="form-error" role="alert" data-testid="card-editor-error">
          {message}
        </p>
      )}
      <div className="card-editor__actions">
        <button type="submit" className="button" data-testid="card-save" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
