import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResourceList } from './ResourceList';

const resources = [
  { url: 'https://prometheus.io/docs/concepts/data_model/', title: 'Prometheus data model', type: 'official' },
  { url: 'https://www.youtube.com/watch?v=h4Sl21AKiDg', title: 'Prometheus in 100 seconds', type: 'video' },
  { url: 'https://example.com/guide', title: 'A plain guide', type: 'link' },
  { url: null, title: 'Designing Data-Intensive Applications', type: 'book' },
];

function itemTitled(title: string): HTMLElement {
  const item = screen.getAllByRole('listitem').find((candidate) => candidate.textContent?.includes(title));
  if (!item) throw new Error(`no resource ${title}`);
  return item;
}

describe('ResourceList', () => {
  it('marks a video with a video badge and opens it on its site in a new tab', () => {
    render(<ResourceList resources={resources} />);

    const video = itemTitled('Prometheus in 100 seconds');
    expect(video.dataset.kind).toBe('video');
    const badge = within(video).getByTestId('resource-kind');
    expect(badge.className).toContain('resource__type--video');
    expect(badge.textContent).toBe('▶ video');
    const link = within(video).getByRole('link', { name: /^Prometheus in 100 seconds\s*\(video, opens in a new tab\)$/ });
    expect(link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=h4Sl21AKiDg');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the kind of a prefixed link and of a named reference, and none for a plain link', () => {
    render(<ResourceList resources={resources} />);

    expect(within(itemTitled('Prometheus data model')).getByTestId('resource-kind').textContent).toBe('official');
    expect(within(itemTitled('Prometheus data model')).getByTestId('resource-kind').className).not.toContain('--video');
    expect(within(itemTitled('A plain guide')).queryByTestId('resource-kind')).toBeNull();
    const book = itemTitled('Designing Data-Intensive Applications');
    expect(within(book).queryByRole('link')).toBeNull();
    expect(within(book).getByTestId('resource-kind').textContent).toBe('book');
  });
});
