import type { TopicState } from '../api/types';

export const STATE_LABELS: Record<TopicState, string> = {
  'not-started': 'Not started',
  learning: 'Learning',
  solid: 'Solid',
  'needs-revision': 'Needs revision',
};

/** "45%" for 0.45; values outside 0..1 are clamped. */
export function percent(fraction: number | null | undefined): string {
  const value = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction as number)) : 0;
  return `${Math.round(value * 100)}%`;
}
