import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { capstone, month1 } from '../testing/fixtures';
import { TopicTree } from './TopicTree';

function renderTree() {
  return render(
    <MemoryRouter>
      <TopicTree topics={[month1, capstone]} />
    </MemoryRouter>,
  );
}

function nodeTitled(title: string): HTMLElement {
  const link = screen.getByRole('link', { name: title });
  const node = link.closest<HTMLElement>('[data-testid="topic-node"]');
  if (!node) throw new Error(`no topic node around ${title}`);
  return node;
}

describe('TopicTree', () => {
  it('shows top-level topics open and deeper topics collapsed at first', () => {
    renderTree();

    expect(nodeTitled('Month 1: Core Engineering').dataset.kind).toBe('month');
    expect(nodeTitled('Week 2: Caching and indexes').dataset.kind).toBe('week');
    expect(screen.getByRole('button', { name: 'Toggle Week 2: Caching and indexes' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Day 1: Cache-aside drill')).toBeNull();
    expect(screen.queryByText('Write-through cache')).toBeNull();
  });

  it('renders nested topics with kinds, titles linking to topic pages and resources after expand all', () => {
    renderTree();

    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));

    const kinds = screen.getAllByTestId('topic-node').map((node) => node.dataset.kind);
    expect(kinds).toEqual(['month', 'week', 'week', 'day', 'project']);

    const day = nodeTitled('Day 1: Cache-aside drill');
    expect(nodeTitled('Week 2: Caching and indexes').contains(day)).toBe(true);
    expect(screen.getByRole('link', { name: 'Day 1: Cache-aside drill' }).getAttribute('href')).toBe('/topics/d1');

    const week2 = nodeTitled('Week 2: Caching and indexes');
    expect(within(week2).getByText('Write-through cache')).toBeTruthy();
    expect(within(week2).getByText('Add Redis caching to the TODO API')).toBeTruthy();
    expect(within(week2).getByText('When does a cache make consistency worse?')).toBeTruthy();

    const link = within(week2).getByRole('link', { name: /DDIA by Kleppmann/ });
    expect(link.getAttribute('href')).toBe('https://dataintensive.net/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    const book = within(week2).getByText('Designing Data-Intensive Applications');
    expect(book.closest('a')).toBeNull();
    expect(book.parentElement?.textContent).toContain('book');

    expect(screen.getByRole('button', { name: 'Collapse all' })).toBeTruthy();
  });

  it('collapses and reopens one topic with its toggle', () => {
    renderTree();
    const toggle = screen.getByRole('button', { name: 'Toggle Month 1: Core Engineering' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Week 1: Distributed basics')).toBeNull();

    fireEvent.click(toggle);
    expect(screen.getByText('Week 1: Distributed basics')).toBeTruthy();
  });

  it('never turns a non-web URL into a link', () => {
    const unsafe = { ...capstone, resources: [{ url: 'javascript:alert(1)', title: 'Sneaky', type: 'link' }] };
    render(
      <MemoryRouter>
        <TopicTree topics={[unsafe]} />
      </MemoryRouter>,
    );

    expect(screen.getByText('Sneaky').closest('a')).toBeNull();
  });
});
