import type { QueueCounts, Rating, ScheduleState } from '../api/types';

export const RATING_LABELS: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** Which counter of the queue an item's state counts in. */
export function countKey(state: ScheduleState): keyof QueueCounts {
  if (state === 'new') return 'new';
  if (state === 'review') return 'review';
  return 'learning';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Whole calendar days (in the browser's time zone) from `now` to `then`. */
function calendarDays(now: Date, then: Date): number {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(then.getFullYear(), then.getMonth(), then.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY);
}

/** When something is due, said the way a person would: "now", "in 10 minutes", "in 3 hours", "tomorrow", "in 4 days". */
export function relativeDue(due: string, now: Date = new Date()): string {
  const then = new Date(due);
  const ms = then.getTime() - now.getTime();
  if (Number.isNaN(ms)) return '';
  if (ms < 30_000) return 'now';
  if (ms < 90_000) return 'in a minute';
  if (ms < HOUR) return relative.format(Math.round(ms / MINUTE), 'minute');
  if (ms < 12 * HOUR || calendarDays(now, then) === 0) return relative.format(Math.round(ms / HOUR), 'hour');
  const days = calendarDays(now, then);
  if (days < 45) return relative.format(days, 'day');
  if (days < 365) return relative.format(Math.round(days / 30.4), 'month');
  return relative.format(Math.round(days / 365), 'year');
}

/** "91%" for 0.908; "—" when there is no rate. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** "12 due · 5 new", "Nothing due" when both are 0. */
export function dueLine(due: number, fresh: number): string {
  if (due === 0 && fresh === 0) return 'Nothing due';
  return `${due} due · ${fresh} new`;
}
