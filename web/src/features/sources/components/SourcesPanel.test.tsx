import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse } from '../../../test/responses';
import type { TopicSource } from '../api/types';
import { SourcesPanel } from './SourcesPanel';

const LIST = 'GET /api/topics/t1/resources';
const ADD = 'POST /api/topics/t1/resources';

function source(overrides: Partial<TopicSource>): TopicSource {
  return { id: 'r1', title: 'Raft notes', kind: 'text', state: 'fetched', chunks: 3, addedBy: 'ada', addedByYou: false,
    addedAt: '2026-12-01T10:00:00Z', ...overrides };
}

function problem(status: number, type: string, title: string, detail: string): Response {
  return jsonResponse({ type: `urn:groundwork:problem:${type}`, title, status, detail }, status, 'application/problem+json');
}

function choose(mode: 'Link' | 'File' | 'Text') {
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${mode}`) }));
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
}

describe('SourcesPanel', () => {
  it('lists the sources learners added with who added them and their state, not the roadmap’s own', async () => {
    mockApi({ [LIST]: () => jsonResponse([
      { id: 'own', title: 'Raft paper', kind: 'link', url: 'https://raft.github.io/', state: 'fetched', chunks: 9, addedByYou: false },
      source({ id: 'a', title: 'Consensus talk', kind: 'link', url: 'https://example.com/talk', state: 'pending' }),
      source({ id: 'b', title: 'My notes', addedBy: 'me', addedByYou: true, state: 'failed', reason: 'extraction error' }),
    ]) });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);

    const items = await screen.findAllByTestId('source-item');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Consensus talk');
    expect(within(items[0]).getByRole('link').getAttribute('href')).toBe('https://example.com/talk');
    expect(items[0].textContent).toContain('added by ada');
    expect(items[0].textContent).toContain('reading…');
    expect(items[1].textContent).toContain('added by you');
    expect(items[1].textContent).toContain('failed');
    expect(items[1].textContent).toContain('extraction error');
    expect(screen.queryByText('Raft paper')).toBeNull();
  });

  it('loads the list again while a source is still being read', async () => {
    let calls = 0;
    mockApi({ [LIST]: () => jsonResponse([source({ state: calls++ === 0 ? 'pending' : 'fetched' })]) });
    render(<SourcesPanel topicId="t1" pollMs={5} />);

    expect((await screen.findByTestId('source-item')).textContent).toContain('reading…');
    await screen.findByText('ready');
    expect(calls).toBe(2);
  });

  it('lets the learner take their own source off the topic, and only their own', async () => {
    const api = mockApi({
      [LIST]: () => jsonResponse([source({ id: 'theirs' }), source({ id: 'mine', title: 'My notes', addedBy: 'me', addedByYou: true })]),
      'DELETE /api/topics/t1/resources/mine': () => new Response(null, { status: 204 }),
    });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);

    const items = await screen.findAllByTestId('source-item');
    expect(within(items[0]).queryByRole('button', { name: 'Remove' })).toBeNull();
    fireEvent.click(within(items[1]).getByRole('button', { name: 'Remove' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove source' }));

    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    expect(screen.queryByText('My notes')).toBeNull();
    expect(api.changes()).toEqual([{ method: 'DELETE', url: '/api/topics/t1/resources/mine', body: undefined }]);
  });

  it('adds a link as JSON and shows it in the list', async () => {
    const api = mockApi({
      [LIST]: () => jsonResponse([]),
      [ADD]: () => jsonResponse(source({ id: 'n', title: 'Metric types', kind: 'link', url: 'https://prometheus.io/docs/',
        state: 'pending', addedBy: 'me', addedByYou: true }), 202),
    });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);
    await screen.findByTestId('sources-empty');

    fireEvent.change(screen.getByLabelText('Web address'), { target: { value: ' https://prometheus.io/docs/ ' } });
    fireEvent.change(screen.getByLabelText('Title (optional)'), { target: { value: 'Metric types' } });
    submit();

    expect((await screen.findByTestId('add-source-added')).textContent).toContain('Added “Metric types”');
    expect(api.changes()).toEqual([{ method: 'POST', url: '/api/topics/t1/resources',
      body: { url: 'https://prometheus.io/docs/', title: 'Metric types' } }]);
    expect(screen.getByTestId('sources-list').textContent).toContain('added by you');
    expect((screen.getByLabelText('Web address') as HTMLInputElement).value).toBe('');
  });

  it('sends a file as multipart part "file" with its title', async () => {
    const api = mockApi({
      [LIST]: () => jsonResponse([]),
      [ADD]: () => jsonResponse(source({ id: 'f', title: 'Paxos', kind: 'file', fileName: 'paxos.pdf', state: 'pending' }), 202),
    });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);
    await screen.findByTestId('sources-empty');

    choose('File');
    const pdf = new File(['%PDF-1.7'], 'paxos.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [pdf] } });
    fireEvent.change(screen.getByLabelText('Title (optional)'), { target: { value: 'Paxos' } });
    submit();

    await screen.findByTestId('add-source-added');
    const body = api.changes()[0].body as FormData;
    expect((body.get('file') as File).name).toBe('paxos.pdf');
    expect(body.get('title')).toBe('Paxos');
  });

  it('checks the input before sending anything', async () => {
    const api = mockApi({ [LIST]: () => jsonResponse([]) });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);
    await screen.findByTestId('sources-empty');

    fireEvent.change(screen.getByLabelText('Web address'), { target: { value: 'ftp://example.com/x' } });
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toContain('http:// or https://');

    choose('File');
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toBe('Choose a file first.');
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File(['MZ'], 'setup.exe')] } });
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toContain('cannot be added');
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File([], 'empty.md')] } });
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toBe('The file is empty.');

    choose('Text');
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Some notes' } });
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toBe('Give the text a title.');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Notes' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: '   ' } });
    submit();
    expect(screen.getByTestId('add-source-invalid').textContent).toBe('Paste or write some text first.');

    expect(api.changes()).toEqual([]);
  });

  it('shows the server’s problem when it refuses the source, and keeps what was entered', async () => {
    mockApi({
      [LIST]: () => jsonResponse([]),
      [ADD]: () => problem(400, 'source-mismatch', 'File is not what it claims to be',
        "The file 'notes.md' is not what its name says: its content is not text. Nothing was added."),
    });
    render(<SourcesPanel topicId="t1" pollMs={60_000} />);
    await screen.findByTestId('sources-empty');

    choose('Text');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Notes' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Quorums overlap.' } });
    submit();

    const error = await screen.findByTestId('add-source-error');
    expect(error.textContent).toContain('File is not what it claims to be');
    expect(error.textContent).toContain('Nothing was added.');
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('Quorums overlap.');
    expect(screen.queryByTestId('sources-list')).toBeNull();
  });
});
