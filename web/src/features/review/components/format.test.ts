import { describe, expect, it } from 'vitest';
import { dueLine, percent, relativeDue } from './format';

const NOW = new Date(2026, 11, 1, 9, 0, 0);
const after = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MINUTE = 60_000;

describe('relativeDue', () => {
  it.each([
    [after(-5 * MINUTE), 'now'],
    [after(10_000), 'now'],
    [after(MINUTE), 'in a minute'],
    [after(10 * MINUTE), 'in 10 minutes'],
    [after(3 * 60 * MINUTE), 'in 3 hours'],
    [after(14 * 60 * MINUTE), 'in 14 hours'],
    [new Date(2026, 11, 2, 9, 0).toISOString(), 'tomorrow'],
    [new Date(2026, 11, 5, 8, 0).toISOString(), 'in 4 days'],
    [new Date(2027, 2, 1, 8, 0).toISOString(), 'in 3 months'],
    [new Date(2028, 11, 1, 8, 0).toISOString(), 'in 2 years'],
  ])('%s is %s', (due, expected) => {
    expect(relativeDue(due, NOW)).toBe(expected);
  });
});

describe('small labels', () => {
  it('rounds a retention rate and shows a dash for none', () => {
    expect(percent(0.908)).toBe('91%');
    expect(percent(null)).toBe('—');
  });

  it('says what is due', () => {
    expect(dueLine(12, 5)).toBe('12 due · 5 new');
    expect(dueLine(0, 3)).toBe('0 due · 3 new');
    expect(dueLine(0, 0)).toBe('Nothing due');
  });
});
