import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventStreamResponse, finished, inProgress, jsonResponse, problemResponse, resource, sseEvent } from '../testing/fixtures';
import { IngestionPanel } from './IngestionPanel';
import { IngestionReport } from './IngestionReport';

function rows(): HTMLElement[] {
  return screen.getAllByTestId('resource-row');
}

function rowTitled(title: string): HTMLElement {
  const row = rows().find((candidate) => candidate.textContent?.includes(title));
  if (!row) throw new Error(`no resource row for ${title}`);
  return row;
}

function countOf(state: string): string {
  const count = screen.getAllByTestId('ingestion-count').find((element) => element.dataset.state === state);
  return count?.textContent ?? '';
}

describe('IngestionReport', () => {
  it('shows progress over web resources, counts by state and total chunks', () => {
    render(<IngestionReport status={inProgress} following="stream" />);

    expect(screen.getByTestId('ingestion-state').textContent).toBe('in progress');
    const progress = screen.getByRole('progressbar', { name: 'Resources ingested' });
    expect(progress.getAttribute('aria-valuenow')).toBe('3');
    expect(progress.getAttribute('aria-valuemax')).toBe('4');
    expect(progress.getAttribute('aria-valuetext')).toBe('3 of 4 resources (75%)');
    expect(screen.getByText('3 of 4 web resources done')).toBeTruthy();
    expect(screen.getByText(/1 running · 0 queued · live/)).toBeTruthy();

    expect(countOf('fetched')).toBe('fetched1');
    expect(countOf('not_modified')).toBe('not modified1');
    expect(countOf('failed')).toBe('failed1');
    expect(countOf('pending')).toBe('pending1');
    expect(countOf('reference')).toBe('reference1');
    expect(screen.getByTestId('ingestion-chunks').textContent).toBe('420 chunks from resources · 40 chunks from topic texts');
  });

  it('lists every resource with its state, reason, chunks, pages and documents', () => {
    render(<IngestionReport status={inProgress} />);

    expect(rows().map((row) => row.dataset.state)).toEqual(['fetched', 'not_modified', 'failed', 'pending', 'reference']);

    const docs = rowTitled('Prometheus Docs');
    const link = within(docs).getByRole('link', { name: /Prometheus Docs/ });
    expect(link.getAttribute('href')).toBe('https://prometheus.io/docs/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(within(docs).getByText('fetched').className).toContain('badge--state-fetched');
    expect(Array.from(docs.querySelectorAll('td')).map((cell) => cell.textContent)).toEqual([
      'Prometheus Docs (opens in a new tab)',
      'fetched',
      '',
      '120',
      '—',
      '14 (2 failed)',
    ]);

    const pdf = rowTitled('SRE Book PDF');
    expect(within(pdf).getByText('not modified').className).toContain('badge--state-not-modified');
    expect(pdf.querySelectorAll('td')[4].textContent).toBe('18');

    const gone = rowTitled('Gone page');
    expect(within(gone).getByText('failed').className).toContain('badge--state-failed');
    expect(within(gone).getByText('HTTP 404')).toBeTruthy();

    expect(within(rowTitled('Kafka docs')).getByText('pending').className).toContain('badge--state-pending');
  });

  it('lists named references separately as not fetched, without a link', () => {
    render(<IngestionReport status={inProgress} />);

    const book = rowTitled('Designing Data-Intensive Applications');
    expect(book.tagName).toBe('LI');
    expect(book.textContent).toContain('not fetched (book)');
    expect(within(book).queryByRole('link')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Named references' })).toBeTruthy();
  });

  it('shows a finished ingestion as complete', () => {
    render(<IngestionReport status={finished} />);

    expect(screen.getByTestId('ingestion-state').textContent).toBe('finished');
    expect(screen.getByTestId('ingestion-progress').getAttribute('aria-valuenow')).toBe('4');
    expect(screen.queryByText(/running ·/)).toBeNull();
    expect(rows().filter((row) => row.dataset.state === 'pending')).toHaveLength(0);
  });

  it('shows a video as not fetched and leaves it out of the progress, so a finished run reads complete', () => {
    const video = resource({
      url: 'https://www.youtube.com/watch?v=h4Sl21AKiDg',
      title: 'Prometheus in 100 seconds',
      type: 'video',
      state: 'not_fetched',
      reason: 'video: not fetched',
    });
    const status = { ...finished, resources: { ...finished.resources, not_fetched: 1 }, items: [...finished.items, video] };
    render(<IngestionReport status={status} />);

    const progress = screen.getByTestId('ingestion-progress');
    expect(progress.getAttribute('aria-valuenow')).toBe('4');
    expect(progress.getAttribute('aria-valuemax')).toBe('4');
    expect(countOf('not_fetched')).toBe('not fetched1');
    const row = rowTitled('Prometheus in 100 seconds');
    expect(row.dataset.state).toBe('not_fetched');
    expect(within(row).getByText('not fetched').className).toContain('badge--state-not-fetched');
    expect(within(row).getByText('video: not fetched')).toBeTruthy();
    expect(within(row).getByText('video')).toBeTruthy();
  });

  it('does not link a resource whose URL is not http(s)', () => {
    const status = { ...finished, items: [resource({ url: 'javascript:alert(1)', title: 'Sneaky', state: 'failed', reason: 'unsupported URL' })] };
    render(<IngestionReport status={status} />);

    expect(within(rowTitled('Sneaky')).queryByRole('link')).toBeNull();
  });
});

describe('IngestionPanel', () => {
  it('loads the status and stops when ingestion has already finished', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(finished));
    vi.stubGlobal('fetch', fetchMock);
    render(<IngestionPanel roadmapId="six-month-plan" />);

    expect((await screen.findByTestId('ingestion-state')).textContent).toBe('finished');
    expect(within(screen.getByTestId('ingestion-panel')).getAllByTestId('resource-row')).toHaveLength(5);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toContain('/api/roadmaps/six-month-plan/ingestion');
  });

  it('follows the event stream from in progress to finished', async () => {
    const stream = sseEvent('progress', { ...inProgress, chunks: 460 }) + sseEvent('done', finished);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/events') ? eventStreamResponse([stream.slice(0, 25), stream.slice(25)]) : jsonResponse(inProgress),
      ),
    );
    render(<IngestionPanel roadmapId="six-month-plan" />);

    await waitFor(() => expect(screen.getByTestId('ingestion-state').textContent).toBe('finished'));
    expect(screen.getByTestId('ingestion-progress').getAttribute('aria-valuenow')).toBe('4');
    expect(rows().filter((row) => row.dataset.state === 'fetched')).toHaveLength(2);
  });

  it('shows the detail of a 404 problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemResponse(404, 'Not Found', 'No roadmap with id nope.')));
    render(<IngestionPanel roadmapId="nope" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No ingestion status');
    expect(alert.textContent).toContain('No roadmap with id nope.');
    expect(screen.queryByTestId('ingestion-state')).toBeNull();
  });
});
