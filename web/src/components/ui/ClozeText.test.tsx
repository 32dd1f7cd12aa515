import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClozeText } from './ClozeText';

const TEXT = '{{c1::Redis}} keeps data in {{c2::RAM::where?}} and <b>on disk</b>.';

describe('ClozeText', () => {
  it('highlights every answer without a deletion to ask', () => {
    render(<ClozeText text={TEXT} />);

    expect(screen.getAllByTestId('cloze-answer').map((mark) => mark.textContent)).toEqual(['Redis1', 'RAM2 (hint: where?)']);
  });

  it('hides the asked deletion, shows its hint, and reads the others as plain text', () => {
    const { container } = render(<ClozeText text={TEXT} active={2} />);

    expect(screen.getByTestId('cloze-blank').textContent).toBe('[where?] (blank)');
    expect(screen.queryByTestId('cloze-answer')).toBeNull();
    expect(container.textContent).toBe('Redis keeps data in [where?] (blank) and <b>on disk</b>.');
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows a blank as [...] and highlights only the asked answer once revealed', () => {
    const { rerender, container } = render(<ClozeText text={TEXT} active={1} />);
    expect(screen.getByTestId('cloze-blank').textContent).toBe('[...] (blank to fill in)');

    rerender(<ClozeText text={TEXT} active={1} revealed />);

    expect(screen.queryByTestId('cloze-blank')).toBeNull();
    expect(screen.getAllByTestId('cloze-answer').map((mark) => [mark.dataset.n, mark.textContent])).toEqual([['1', 'Redis']]);
    expect(container.textContent).toBe('Redis keeps data in RAM and <b>on disk</b>.');
  });
});
