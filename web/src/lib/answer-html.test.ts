import { describe, expect, it } from 'vitest';
import { renderAnswerHtml } from './answer-html';

const titles = new Map([
  [1, 'Prometheus overview'],
  [2, 'Site Reliability Engineering'],
]);

function render(markdown: string): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = renderAnswerHtml(markdown, titles);
  return container;
}

function chips(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[data-testid=citation-chip]')).map((chip) => chip.getAttribute('data-n') ?? '');
}

describe('renderAnswerHtml', () => {
  it('renders Markdown emphasis, lists and code', () => {
    const container = render('Use **pull** scraping:\n\n- targets\n- `rate()`\n\n```\nup == 0\n```');

    expect(container.querySelector('strong')?.textContent).toBe('pull');
    expect(Array.from(container.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['targets', 'rate()']);
    expect(container.querySelector('pre code')?.textContent).toBe('up == 0\n');
  });

  it('drops scripts and event handler attributes from the answer', () => {
    const container = render('Hi <script>window.pwned = true</script><span onmouseover="alert(1)">there</span>\n\n<div onclick="x()">block</div>');

    expect(container.querySelector('script')).toBeNull();
    expect(container.innerHTML).not.toMatch(/script|onmouseover|onclick|pwned/i);
    expect(container.textContent).toContain('there');
  });

  it('strips images, so an onerror handler cannot run', () => {
    const container = render('Look: <img src=x onerror="alert(1)"> and ![chart](https://tracker.example/pixel.png)');

    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toMatch(/onerror|<img/i);
  });

  it('keeps web links, opening them in a new tab, and turns javascript: links into text', () => {
    const container = render('[docs](https://prometheus.io/docs/) and [click me](javascript:alert(1))');

    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('https://prometheus.io/docs/');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('click me');
    expect(container.innerHTML).not.toContain('javascript:');
  });

  it('turns markers of known sources into chips, adjacent markers into one chip each', () => {
    const container = render('Pull based [1]. Golden signals [2][1].');

    expect(chips(container)).toEqual(['1', '2', '1']);
    const first = container.querySelector('[data-testid=citation-chip]')!;
    expect(first.tagName).toBe('BUTTON');
    expect(first.getAttribute('aria-label')).toBe('Source 1: Prometheus overview');
    expect(container.textContent?.trim()).toBe('Pull based 1. Golden signals 21.');
  });

  it('leaves markers of unknown sources as text', () => {
    const container = render('Unsupported claim [7], supported one [2].');

    expect(chips(container)).toEqual(['2']);
    expect(container.textContent).toContain('claim [7],');
  });

  it('leaves markers inside inline code and code blocks as text', () => {
    const container = render('Index with `arr[1]`:\n\n```\nx = y[2]\n```');

    expect(chips(container)).toEqual([]);
    expect(container.querySelector('p code')?.textContent).toBe('arr[1]');
    expect(container.querySelector('pre code')?.textContent).toContain('y[2]');
  });

  it('does not let the answer forge a chip with HTML of its own', () => {
    const container = render('<button data-testid="citation-chip" data-n="1" onclick="alert(1)">1</button>');

    expect(chips(container)).toEqual([]);
    expect(container.querySelector('button')).toBeNull();
  });
});
