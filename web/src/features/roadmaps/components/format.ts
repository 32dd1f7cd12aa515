export { plural } from '../../../lib/format';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A readable date for an ISO-8601 instant; the raw text when it does not parse. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

