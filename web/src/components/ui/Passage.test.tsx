import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { findQuote, PassagePanel, PassageText } from './Passage';

const TEXT = 'Redis is an in-memory data store. It keeps <b>data</b> in RAM.';

describe('findQuote', () => {
  it('uses offsets that point at the quote inside the text', () => {
    expect(findQuote(TEXT, 'It keeps', 34, 42)).toEqual({ start: 34, end: 42 });
  });

  it('searches for the quote when the offsets are outside the text or point elsewhere', () => {
    expect(findQuote(TEXT, 'in-memory', 1200, 1209)).toEqual({ start: 12, end: 21 });
    expect(findQuote(TEXT, 'in-memory', 0, 9)).toEqual({ start: 12, end: 21 });
  });

  it('finds nothing for a missing or absent quote', () => {
    expect(findQuote(TEXT, 'Memcached')).toBeNull();
    expect(findQuote(TEXT, null)).toBeNull();
  });
});

describe('PassageText', () => {
  it('marks the highlighted span and shows markup as text', () => {
    render(<PassageText text={TEXT} highlight={{ start: 34, end: 62 }} />);

    expect(screen.getByTestId('source-quote').textContent).toBe('It keeps <b>data</b> in RAM.');
    expect(screen.getByTestId('source-text').textContent).toBe(TEXT);
    expect(screen.getByTestId('source-text').querySelector('b')).toBeNull();
  });

  it('marks nothing for a span outside the text', () => {
    render(<PassageText text={TEXT} highlight={{ start: 50, end: 500 }} />);

    expect(screen.queryByTestId('source-quote')).toBeNull();
  });
});

describe('PassagePanel', () => {
  it('takes focus, links only web URLs and closes on Escape', () => {
    const onClose = vi.fn();
    render(<PassagePanel heading="Redis docs" url="javascript:alert(1)" location="Intro · p. 2" text={TEXT} closeLabel="Close source" onClose={onClose} />);

    const panel = screen.getByTestId('source-panel');
    expect(document.activeElement).toBe(panel);
    expect(screen.queryByRole('link')).toBeNull();
    expect(panel.textContent).toContain('Intro · p. 2');

    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
