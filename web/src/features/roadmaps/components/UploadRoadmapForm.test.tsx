import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, roadmapDetail } from '../testing/fixtures';
import { UploadRoadmapForm } from './UploadRoadmapForm';

function OpenedRoadmap() {
  const { id } = useParams();
  return <p>Opened roadmap {id}</p>;
}

function renderForm() {
  return render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<UploadRoadmapForm />} />
        <Route path="/roadmaps/:id" element={<OpenedRoadmap />} />
      </Routes>
    </MemoryRouter>,
  );
}

function chooseAndSubmit(file: File) {
  fireEvent.change(screen.getByLabelText('Roadmap file'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import roadmap' }));
}

describe('UploadRoadmapForm', () => {
  it("shows the server's ProblemDetail detail when the file is rejected", async () => {
    const fetchMock = vi.fn(async () =>
      problemResponse(422, 'Roadmap not understood', 'The file has no headings, so no topics could be found.'),
    );
    vi.stubGlobal('fetch', fetchMock);

    renderAndSubmit(new File(['just words'], 'notes.txt', { type: 'text/plain' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The file has no headings, so no topics could be found.');
    expect(screen.getByLabelText('Roadmap file').getAttribute('aria-invalid')).toBe('true');

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/roadmaps');
    expect(init.method).toBe('POST');
    const sent = (init.body as FormData).get('file') as File;
    expect(sent.name).toBe('notes.txt');
  });

  it('opens the imported roadmap when the server accepts the file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(roadmapDetail, 201)),
    );

    renderAndSubmit(new File(['# Plan\n## Month 1'], 'plan.md', { type: 'text/markdown' }));

    expect(await screen.findByText('Opened roadmap six-month-plan')).toBeTruthy();
  });

  it('asks for a file before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderForm();

    fireEvent.click(screen.getByRole('button', { name: 'Import roadmap' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Choose a roadmap file first.');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

function renderAndSubmit(file: File) {
  renderForm();
  chooseAndSubmit(file);
}
