import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SkippedLinksNotice, skippedLinksOf } from './SkippedLinksNotice';

const links = [
  { topic: 'Metrics', title: 'Our guide to dashboards', url: '/guides/dashboards', reason: 'relative link: no site to resolve it against' },
  { topic: null, title: 'Top', url: '#top', reason: 'anchor: points into the roadmap itself' },
];

describe('SkippedLinksNotice', () => {
  it('lists each skipped link with its topic and why it was skipped', () => {
    render(<SkippedLinksNotice links={links} />);

    const notice = screen.getByTestId('skipped-links');
    expect(within(notice).getByRole('heading').textContent).toBe('2 links skipped');
    const items = within(notice).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      '/guides/dashboards “Our guide to dashboards” in Metrics: relative link: no site to resolve it against',
      '#top “Top”: anchor: points into the roadmap itself',
    ]);
  });

  it('shows nothing when no link was skipped, and reads none from a navigation state without them', () => {
    const { container } = render(<SkippedLinksNotice links={skippedLinksOf({ other: 1 })} />);

    expect(container.innerHTML).toBe('');
    expect(skippedLinksOf(null)).toEqual([]);
    expect(skippedLinksOf({ skippedLinks: links })).toHaveLength(2);
  });
});
