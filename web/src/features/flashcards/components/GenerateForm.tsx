import { useId, useState, type FormEvent } from 'react';
import {
  CARD_TYPES,
  DEFAULT_GENERATE_COUNT,
  MAX_GENERATE_COUNT,
  MIN_GENERATE_COUNT,
  type CardType,
  type GenerateRequest,
} from '../api/types';
import { typeLabel } from './format';

interface GenerateFormProps {
  streaming: boolean;
  onGenerate: (request: GenerateRequest) => void;
  onStop: () => void;
}

/** How many cards to generate and of which types; Generate starts a run, Stop ends it. */
export function GenerateForm({ streaming, onGenerate, onStop }: GenerateFormProps) {
  const [count, setCount] = useState(String(DEFAULT_GENERATE_COUNT));
  const [types, setTypes] = useState<ReadonlySet<CardType>>(() => new Set(CARD_TYPES));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const toggle = (type: CardType) =>
    setTypes((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (streaming) return;
    const n = Number(count);
    if (!Number.isInteger(n) || n < MIN_GENERATE_COUNT || n > MAX_GENERATE_COUNT) {
      setProblem(`Choose between ${MIN_GENERATE_COUNT} and ${MAX_GENERATE_COUNT} cards.`);
      return;
    }
    if (types.size === 0) {
      setProblem('Choose at least one card type.');
      return;
    }
    setProblem(null);
    const request: GenerateRequest = { count: n };
    // every type is the server's default: only a narrower choice is sent
    if (types.size < CARD_TYPES.length) request.types = CARD_TYPES.filter((type) => types.has(type));
    onGenerate(request);
  };

  return (
    <form className="generate-form" onSubmit={handleSubmit} noValidate data-testid="generate-form">
      <div className="generate-form__field">
        <label htmlFor={`${id}-count`} className="generate-form__label">
          Number of cards
        </label>
        <input
          id={`${id}-count`}
          className="generate-form__count"
          data-testid="generate-count"
          type="number"
          inputMode="numeric"
          min={MIN_GENERATE_COUNT}
          max={MAX_GENERATE_COUNT}
          value={count}
          disabled={streaming}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setCount(event.target.value)}
        />
      </div>
      <fieldset className="generate-form__types" disabled={streaming}>
        <legend className="generate-form__label">Types</legend>
        {CARD_TYPES.map((type) => (
          <label key={type} className="generate-form__type">
            <input type="checkbox" checked={types.has(type)} onChange={() => toggle(type)} />
            {typeLabel(type)}
          </label>
        ))}
      </fieldset>
      <div className="generate-form__actions">
        <button type="submit" className="button" data-testid="generate-button" disabled={streaming}>
          {streaming ? 'Generating…' : 'Generate cards'}
        </button>
        {streaming && (
          <button type="button" className="button button--secondary" data-testid="generate-stop" onClick={onStop}>
            Stop
          </button>
        )}
      </div>
      {problem && (
        <p id={`${id}-problem`} className="form-error generate-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
