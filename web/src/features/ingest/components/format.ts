export { plural } from '../../../lib/format';

const STATE_LABELS: Record<string, string> = {
  pending: 'pending',
  fetched: 'fetched',
  not_modified: 'not modified',
  failed: 'failed',
  reference: 'reference',
  not_fetched: 'not fetched',
};

/** The words for a resource state: `not_modified` → "not modified"; unknown states as sent, underscores spaced. */
export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state.replace(/_/g, ' ');
}
