import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse } from '../../../test/responses';
import { embeddingModel } from '../testing/fixtures';
import { EmbeddingModelPanel } from './EmbeddingModelPanel';

const NEW = 'openai:text-embedding-3-small:1536';

describe('EmbeddingModelPanel', () => {
  it('names the model retrieval searches with and how to switch', async () => {
    mockApi({ 'GET /api/admin/embedding-model': () => jsonResponse(embeddingModel()) });
    render(<EmbeddingModelPanel />);

    expect((await screen.findByTestId('embedding-model-active')).textContent).toContain('bge-small-en-v1.5-q');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('embedding-model').textContent).toContain('configure another model and restart');
  });

  it('shows a build in progress and follows it until the new model serves', async () => {
    const building = embeddingModel({
      configured: NEW,
      building: { model: NEW, dimensions: 1536, done: 128, total: 512, startedAt: '2026-05-02T09:30:00Z' },
    });
    const answers = [building, embeddingModel({ active: NEW, serving: NEW, configured: NEW })];
    const api = mockApi({ 'GET /api/admin/embedding-model': () => jsonResponse(answers.shift() ?? answers[0]) });
    render(<EmbeddingModelPanel pollMs={20} />);

    const bar = await screen.findByRole('progressbar', { name: 'Chunks embedded by the new model' });
    expect(bar.getAttribute('aria-valuetext')).toBe('128 of 512 chunks (25%)');
    expect(screen.getByTestId('embedding-model-build').textContent).toContain(NEW);
    expect(screen.getByTestId('embedding-model-active').textContent).toContain('bge-small-en-v1.5-q');

    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByTestId('embedding-model-active').textContent).toContain(NEW);
    expect(api.seen.length).toBeGreaterThanOrEqual(2);
  });
});
