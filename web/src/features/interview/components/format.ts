import type { Level, QuestionKind, Score, Verdict } from '../api/types';

export { plural, sourceLocation } from '../../../lib/format';

export const LEVEL_LABELS: Record<Level, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', staff: 'Staff' };

export const KIND_LABELS: Record<QuestionKind, string> = {
  concept: 'Concept',
  'trade-off': 'Trade-off',
  design: 'Design',
  scenario: 'Scenario',
  debugging: 'Debugging',
};

export const VERDICT_LABELS: Record<Verdict, string> = { covered: 'Covered', partial: 'Partly covered', missed: 'Missed' };
export const VERDICT_ICONS: Record<Verdict, string> = { covered: '✓', partial: '◐', missed: '✗' };

/** The score parts in the order they are shown, overall last. */
export const SCORE_PARTS: { key: keyof Pick<Score, 'correctness' | 'depth' | 'tradeoffs' | 'communication' | 'overall'>; label: string }[] = [
  { key: 'correctness', label: 'Correctness' },
  { key: 'depth', label: 'Depth' },
  { key: 'tradeoffs', label: 'Trade-offs' },
  { key: 'communication', label: 'Communication' },
  { key: 'overall', label: 'Overall' },
];

/** "3", "2.5": a 0–4 score with at most one decimal. */
export function formatScore(score: number): string {
  return String(Math.round(score * 10) / 10);
}

/** "1 min 05 s", "42 s". */
export function formatTime(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A readable date and time for an ISO-8601 instant; the raw text when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Where a session lives in the app: the topic's or the roadmap's page. */
export function scopePath(scope: { kind: 'topic' | 'roadmap'; id: string }): string {
  return `/${scope.kind === 'topic' ? 'topics' : 'roadmaps'}/${encodeURIComponent(scope.id)}`;
}

export function interviewPath(id: string): string {
  return `/interviews/${encodeURIComponent(id)}`;
}
