import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { getReviewSettings, updateReviewSettings } from '../api/review-api';
import type { ReviewSettings } from '../api/types';
import {
  checkDraft,
  deviceTimeZone,
  fieldOf,
  knownTimeZones,
  LIMITS,
  percent,
  toDraft,
  type SettingsDraft,
  type SettingsErrors,
  type SettingsField,
} from './settings-form';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };
type Save = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

/**
 * The learner's review settings (`GET`/`PUT /api/review/settings`): desired retention, new cards per day, maximum
 * interval, fuzz and the time zone the review day is counted in. Ranges are checked before sending; a 400 from the
 * server shows its `detail` under the field it names. `onSaved` runs with what the server stored.
 */
export function ReviewSettingsForm({ id, onSaved }: { id?: string; onSaved?: (settings: ReviewSettings) => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [save, setSave] = useState<Save>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    getReviewSettings(controller.signal).then(
      (settings) => {
        if (controller.signal.aborted) return;
        setDraft(toDraft(settings));
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const change = <K extends SettingsField>(field: K, value: SettingsDraft[K]) => {
    setDraft((current) => (current ? { ...current, [field]: value } : current));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const checked = checkDraft(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      setSave({ status: 'idle' });
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setErrors({});
    setSave({ status: 'saving' });
    try {
      const stored = await updateReviewSettings(checked.settings);
      setDraft(toDraft(stored));
      setSave({ status: 'saved' });
      onSaved?.(stored);
    } catch (error) {
      const message = errorMessage(error);
      const field = isApiError(error) && error.status === 400 ? fieldOf(message) : null;
      if (field) setErrors({ [field]: message });
      setSave({ status: 'failed', message: field ? 'Not saved: check the field marked above.' : message });
    }
  }

  return (
    <div id={id} className="review-settings" data-testid="review-settings">
      {loaded.status === 'loading' && <Loading label="Loading settings…" />}
      {loaded.status === 'error' && (
        <div>
          <ErrorNotice title="Could not load the review settings" message={loaded.message} />
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {loaded.status === 'ready' && draft && (
        <SettingsFields draft={draft} errors={errors} save={save} onChange={change} onSubmit={onSubmit} />
      )}
    </div>
  );
}

interface FieldsProps {
  draft: SettingsDraft;
  errors: SettingsErrors;
  save: Save;
  onChange: <K extends SettingsField>(field: K, value: SettingsDraft[K]) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

function SettingsFields({ draft, errors, save, onChange, onSubmit }: FieldsProps) {
  const ids = { retention: useId(), newLimit: useId(), maxInterval: useId(), fuzz: useId(), zone: useId(), zones: useId() };
  const device = useMemo(deviceTimeZone, []);
  const zones = useMemo(knownTimeZones, []);
  const saving = save.status === 'saving';
  const { desiredRetention: r, dailyNewLimit: n, maximumIntervalDays: m } = LIMITS;

  return (
    <form className="review-settings__form" onSubmit={onSubmit} noValidate aria-busy={saving} data-testid="settings-form">
      <Field id={ids.retention} label="Desired retention" error={errors.desiredRetention} wide
        hint="The chance of remembering a card when it comes due. Higher means more reviews and less forgetting; lower means fewer reviews and more forgetting. 90% suits most learners.">
        <div className="review-settings__slider">
          <input
            id={ids.retention}
            type="range"
            min={r.min}
            max={r.max}
            step={r.step}
            value={draft.desiredRetention}
            aria-valuetext={percent(draft.desiredRetention)}
            onChange={(event) => onChange('desiredRetention', event.target.value)}
            {...described(ids.retention, errors.desiredRetention)}
          />
          <output htmlFor={ids.retention} className="review-settings__value" data-testid="retention-value">
            {percent(draft.desiredRetention)}
          </output>
        </div>
      </Field>
      <Field id={ids.newLimit} label="New cards per day" error={errors.dailyNewLimit} hint={`${n.min}–${n.max}; 0 pauses new cards.`}>
        <input
          id={ids.newLimit}
          className="review-settings__number"
          type="number"
          inputMode="numeric"
          min={n.min}
          max={n.max}
          step={1}
          value={draft.dailyNewLimit}
          onChange={(event) => onChange('dailyNewLimit', event.target.value)}
          {...described(ids.newLimit, errors.dailyNewLimit)}
        />
      </Field>
      <Field id={ids.maxInterval} label="Maximum interval (days)" error={errors.maximumIntervalDays}
        hint={`${m.min}–${m.max.toLocaleString('en')}; the longest a card waits between reviews.`}>
        <input
          id={ids.maxInterval}
          className="review-settings__number"
          type="number"
          inputMode="numeric"
          min={m.min}
          max={m.max}
          step={1}
          value={draft.maximumIntervalDays}
          onChange={(event) => onChange('maximumIntervalDays', event.target.value)}
          {...described(ids.maxInterval, errors.maximumIntervalDays)}
        />
      </Field>
      <div className="review-settings__field review-settings__field--check review-settings__field--wide">
        <label className="review-settings__check" htmlFor={ids.fuzz}>
          <input id={ids.fuzz} type="checkbox" checked={draft.fuzz} onChange={(event) => onChange('fuzz', event.target.checked)}
            aria-describedby={`${ids.fuzz}-hint`} />
          Fuzz intervals
        </label>
        <p id={`${ids.fuzz}-hint`} className="hint">
          Spreads due dates a little so cards learned together do not all come back on the same day.
        </p>
      </div>
      <Field id={ids.zone} label="Time zone" error={errors.timeZone} wide
        hint={`Your review day starts at 04:00 in this zone.${device ? ` This device: ${device}.` : ''}`}>
        <div className="review-settings__zone">
          <input
            id={ids.zone}
            className="review-settings__text"
            type="text"
            autoComplete="off"
            spellCheck={false}
            list={zones.length > 0 ? ids.zones : undefined}
            value={draft.timeZone}
            onChange={(event) => onChange('timeZone', event.target.value)}
            {...described(ids.zone, errors.timeZone)}
          />
          {device && (
            <button type="button" className="button button--secondary" disabled={draft.timeZone === device}
              onClick={() => onChange('timeZone', device)} data-testid="use-device-zone">
              Use this device’s time zone
            </button>
          )}
          {zones.length > 0 && (
            <datalist id={ids.zones}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          )}
        </div>
      </Field>
      <div className="review-settings__actions">
        <button type="submit" className="button" disabled={saving} data-testid="save-settings">
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <span className="review-settings__saved" role="status" data-testid="settings-status">
          {save.status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      {save.status === 'failed' && (
        <p className="form-error review-settings__error" role="alert" data-testid="settings-error">
          {save.message}
        </p>
      )}
    </form>
  );
}

function Field({ id, label, hint, error, wide, children }: { id: string; label: string; hint: string; error?: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`review-settings__field${wide ? ' review-settings__field--wide' : ''}`}>
      <label htmlFor={id} className="review-settings__label">
        {label}
      </label>
      {children}
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="review-settings__field-error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The hint, and the error when there is one, as the input's description. */
function described(id: string, error: string | undefined) {
  return {
    'aria-describedby': error ? `${id}-hint ${id}-error` : `${id}-hint`,
    'aria-invalid': error ? true : undefined,
  };
}

/** Moves focus to the first field marked invalid, once the errors are shown. */
function focusFirstInvalid(form: HTMLFormElement) {
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
