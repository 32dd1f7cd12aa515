/** "1 topic", "12 topics". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Where in its document a passage is: "Overview › Features · p. 12", or "" when nothing is known. */
export function sourceLocation(source: { headingPath?: readonly string[] | null; page?: number | null }): string {
  const parts: string[] = [];
  const headings = (source.headingPath ?? []).filter(Boolean);
  if (headings.length > 0) parts.push(headings.join(' › '));
  if (source.page != null) parts.push(`p. ${source.page}`);
  return parts.join(' · ');
}

/** "850 ms", "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "3 May 2026, 10:04" in the reader's locale; `empty` for a missing or unreadable time. */
export function formatDateTime(iso: string | null | undefined, empty = '—', format: Intl.DateTimeFormat = DATE_TIME): string {
  if (!iso) return empty;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? empty : format.format(time);
}

/** "3 May 2026" in the reader's locale; `empty` for a missing or unreadable time. */
export function formatDate(iso: string | null | undefined, empty = '—'): string {
  return formatDateTime(iso, empty, DATE);
}
