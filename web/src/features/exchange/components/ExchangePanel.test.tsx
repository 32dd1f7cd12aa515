import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import type { ExchangeScope } from '../api/types';
import { importReport } from '../testing/fixtures';
import { ExchangePanel } from './ExchangePanel';

const TOPIC: ExchangeScope = { kind: 'topic', id: 'redis-week' };
const ROADMAP: ExchangeScope = { kind: 'roadmap', id: 'six-month-plan' };
const TOPIC_IMPORT = 'POST /api/topics/redis-week/cards/import';

function apkg(name = 'Redis.apkg'): File {
  return new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], name, { type: 'application/octet-stream' });
}

function chooseAndImport(file: File) {
  fireEvent.change(screen.getByLabelText('Import'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import cards' }));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ExchangePanel: export', () => {
  it('links a topic’s Anki package and CSV downloads', () => {
    render(<ExchangePanel scope={TOPIC} />);

    const apkgLink = screen.getByRole('link', { name: 'Anki package (.apkg)' });
    const csvLink = screen.getByRole('link', { name: 'CSV for Anki' });
    expect(apkgLink.getAttribute('href')).toBe('/api/topics/redis-week/cards/export?format=apkg');
    expect(csvLink.getAttribute('href')).toBe('/api/topics/redis-week/cards/export?format=csv');
    expect(apkgLink.hasAttribute('download')).toBe(true);
    expect(csvLink.hasAttribute('download')).toBe(true);
  });

  it('links a roadmap’s downloads, its id escaped', () => {
    render(<ExchangePanel scope={{ kind: 'roadmap', id: 'plan/2' }} />);

    expect(screen.getByRole('link', { name: 'Anki package (.apkg)' }).getAttribute('href')).toBe('/api/roadmaps/plan%2F2/cards/export?format=apkg');
    expect(screen.getByRole('link', { name: 'CSV for Anki' }).getAttribute('href')).toBe('/api/roadmaps/plan%2F2/cards/export?format=csv');
  });
});

describe('ExchangePanel: import', () => {
  it('accepts Anki packages and CSV/TSV text', () => {
    render(<ExchangePanel scope={TOPIC} />);

    expect(screen.getByLabelText('Import').getAttribute('accept')).toBe('.apkg,.colpkg,.csv,.tsv,.txt');
  });

  it('posts the file as multipart part "file", shows it is busy, then the report with the failed and skipped rows', async () => {
    const answer = deferred<Response>();
    const api = mockApi({ [TOPIC_IMPORT]: () => answer.promise });
    const onImported = vi.fn();
    render(<ExchangePanel scope={TOPIC} onImported={onImported} />);

    chooseAndImport(apkg());

    expect((await screen.findByTestId('import-progress')).textContent).toContain('Importing Redis.apkg…');
    expect(screen.getByRole('button', { name: 'Importing…' }).hasAttribute('disabled')).toBe(true);
    expect((screen.getByLabelText('Import') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('import-form').getAttribute('aria-busy')).toBe('true');
    const [sent] = api.changes();
    expect(sent.url).toBe('/api/topics/redis-week/cards/import');
    expect(((sent.body as FormData).get('file') as File).name).toBe('Redis.apkg');

    answer.resolve(jsonResponse(importReport()));

    const report = await screen.findByTestId('import-report');
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(within(report).getByRole('status').textContent).toBe(
      'Redis.apkg: 3 cards imported with 12 past reviews; 1 already here was skipped; 1 row failed.',
    );
    expect(screen.getByTestId('import-imported').textContent).toBe('3');
    expect(screen.getByTestId('import-skipped').textContent).toBe('1');
    expect(screen.getByTestId('import-failed').textContent).toBe('1');
    expect(screen.getByTestId('import-reviews').textContent).toBe('12');
    const rows = screen.getByTestId('import-rows');
    expect(rows.hasAttribute('open')).toBe(true); // a row failed: the details show at once
    expect(within(rows).getByText(/^Details:/).textContent).toBe('Details: 2 rows skipped or failed, 1 row imported with changes');
    expect(screen.getAllByTestId('import-row').map((row) => [row.dataset.status, row.textContent])).toEqual([
      ['skipped', 'Row 2SkippedA card with the same content is already in this roadmap.'],
      ['failed', 'Row 4FailedThe note has no back.'],
      ['imported', 'Row 3ImportedA script was removed from the front.'],
    ]);
    expect(screen.queryByTestId('rows-omitted')).toBeNull();
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(onImported.mock.calls[0][0]).toMatchObject({ imported: 3 });
  });

  it('says how many rows the report left out', async () => {
    mockApi({ 'POST /api/roadmaps/six-month-plan/cards/import': () => jsonResponse(importReport({ imported: 1500, rowsOmitted: 1200 })) });
    render(<ExchangePanel scope={ROADMAP} />);

    chooseAndImport(new File(['front,back\nQ,A\n'], 'cards.csv', { type: 'text/csv' }));

    expect((await screen.findByTestId('rows-omitted')).textContent).toBe('1200 more rows not listed (the report lists failed and skipped rows first).');
    expect(screen.getByText(/^Details:/).textContent).toContain('1200 not listed');
  });

  it('keeps the rows closed and the page as it is when every card was already here', async () => {
    mockApi({
      [TOPIC_IMPORT]: () =>
        jsonResponse(importReport({ imported: 0, skipped: 2, failed: 0, reviews: 0, rows: [
          { row: 1, status: 'skipped', reason: 'Already in this roadmap.', cardId: null },
          { row: 2, status: 'skipped', reason: 'Already in this roadmap.', cardId: null },
        ] })),
    });
    const onImported = vi.fn();
    render(<ExchangePanel scope={TOPIC} onImported={onImported} />);

    chooseAndImport(apkg());

    expect((await screen.findByTestId('import-report')).querySelector('[role=status]')?.textContent).toBe(
      'Redis.apkg: No new cards; 2 already here were skipped.',
    );
    expect(screen.getByTestId('import-rows').hasAttribute('open')).toBe(false);
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows the problem’s detail when the file cannot be imported, and imports nothing', async () => {
    const detail =
      'This package uses the newest Anki format (collection.anki21b), which cannot be read here. In Anki, export it again as "Anki Deck Package (.apkg)" with "Support older Anki versions" ticked. Nothing was imported.';
    mockApi({
      [TOPIC_IMPORT]: () =>
        jsonResponse(
          { type: 'urn:groundwork:problem:import-anki-too-new', title: 'Anki package in the newest format', status: 422, detail },
          422,
          'application/problem+json',
        ),
    });
    const onImported = vi.fn();
    render(<ExchangePanel scope={TOPIC} onImported={onImported} />);

    chooseAndImport(apkg('Newest.apkg'));

    const error = await screen.findByTestId('import-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(within(error).getByText('This Anki package is in a format too new to read')).toBeTruthy();
    expect(error.textContent).toContain('with "Support older Anki versions" ticked');
    expect(screen.getByLabelText('Import').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows any other 4xx problem’s detail', async () => {
    mockApi({ [TOPIC_IMPORT]: () => problemResponse(422, 'Wrong columns', 'Row 1 has 5 columns; a CSV without headers has 2 or 3. Nothing was imported.') });
    render(<ExchangePanel scope={TOPIC} />);

    chooseAndImport(new File(['a,b,c,d,e\n'], 'wide.csv', { type: 'text/csv' }));

    const error = await screen.findByTestId('import-error');
    expect(error.textContent).toBe('Could not import wide.csvRow 1 has 5 columns; a CSV without headers has 2 or 3. Nothing was imported.');
  });

  it('asks for a file before sending anything', () => {
    const api = mockApi({});
    render(<ExchangePanel scope={TOPIC} />);

    fireEvent.click(screen.getByRole('button', { name: 'Import cards' }));

    expect(screen.getByRole('alert').textContent).toBe('Choose a file to import first.');
    expect(api.seen).toHaveLength(0);
  });

  it('clears an earlier report when another file is chosen', async () => {
    mockApi({ [TOPIC_IMPORT]: () => jsonResponse(importReport()) });
    render(<ExchangePanel scope={TOPIC} />);
    chooseAndImport(apkg());
    await screen.findByTestId('import-report');

    fireEvent.change(screen.getByLabelText('Import'), { target: { files: [apkg('Other.apkg')] } });

    expect(screen.queryByTestId('import-report')).toBeNull();
  });
});
