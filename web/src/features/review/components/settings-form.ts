import type { ReviewSettings } from '../api/types';

/** The settings form as typed: numbers stay text until they are checked. */
export interface SettingsDraft {
  desiredRetention: string;
  dailyNewLimit: string;
  maximumIntervalDays: string;
  fuzz: boolean;
  timeZone: string;
}

export type SettingsField = keyof SettingsDraft;

export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** The server's ranges (`ReviewSettings.problem()` in the backend). */
export const LIMITS = {
  desiredRetention: { min: 0.7, max: 0.99, step: 0.01 },
  dailyNewLimit: { min: 0, max: 9999 },
  maximumIntervalDays: { min: 1, max: 36500 },
} as const;

export function toDraft(settings: ReviewSettings): SettingsDraft {
  return {
    desiredRetention: String(settings.desiredRetention),
    dailyNewLimit: String(settings.dailyNewLimit),
    maximumIntervalDays: String(settings.maximumIntervalDays),
    fuzz: settings.fuzz,
    timeZone: settings.timeZone,
  };
}

/** The settings to send, or what is wrong with each field that is out of range. */
export function checkDraft(draft: SettingsDraft): { settings: ReviewSettings; errors?: undefined } | { settings?: undefined; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const retention = Number(draft.desiredRetention);
  const { desiredRetention: r, dailyNewLimit: n, maximumIntervalDays: m } = LIMITS;
  if (draft.desiredRetention.trim() === '' || !(retention >= r.min && retention <= r.max)) {
    errors.desiredRetention = 'Desired retention must be between 70% and 99%.';
  }
  const newLimit = wholeNumber(draft.dailyNewLimit);
  if (newLimit === null || newLimit < n.min || newLimit > n.max) {
    errors.dailyNewLimit = `New cards per day must be a whole number from ${n.min} to ${n.max}.`;
  }
  const maxInterval = wholeNumber(draft.maximumIntervalDays);
  if (maxInterval === null || maxInterval < m.min || maxInterval > m.max) {
    errors.maximumIntervalDays = `The maximum interval must be a whole number of days from ${m.min} to ${m.max.toLocaleString('en')}.`;
  }
  const timeZone = draft.timeZone.trim();
  if (timeZone === '') errors.timeZone = 'Enter a time zone, such as Europe/Berlin.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      desiredRetention: Math.round(retention * 100) / 100,
      dailyNewLimit: newLimit!,
      maximumIntervalDays: maxInterval!,
      fuzz: draft.fuzz,
      timeZone,
    },
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * The field a server's 400 `detail` is about, when it names one ("dailyNewLimit must be between 0 and 9999."), so
 * the message shows under that field; null when it names none.
 */
export function fieldOf(detail: string): SettingsField | null {
  const fields: SettingsField[] = ['desiredRetention', 'dailyNewLimit', 'maximumIntervalDays', 'fuzz', 'timeZone'];
  return fields.find((field) => detail.startsWith(`${field} `)) ?? null;
}

/** The time zone this browser runs in ("Europe/Berlin"), or null when it does not say. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** IANA zone names this browser knows, for suggestions while typing; empty where the browser cannot list them. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** 0.9 → "90%". */
export function percent(retention: string): string {
  const value = Number(retention);
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—';
}
