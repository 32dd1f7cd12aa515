import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, roadmapDetail, roadmapExistsResponse } from '../testing/fixtures';
import { skippedLinksOf } from './SkippedLinksNotice';
import { UploadRoadmapForm } from './UploadRoadmapForm';

function OpenedRoadmap() {
  const { id } = useParams();
  const skipped = skippedLinksOf(useLocation().state);
  return (
    <p>
      Opened roadmap {id}
      {skipped.length > 0 && ` skipping ${skipped.map((link) => link.url).join(', ')}`}
    </p>
  );
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

  it('passes the links the import skipped on to the roadmap it opens', async () => {
    const skippedLinks = [
      { topic: 'Metrics', title: 'Our guide', url: '/guides/dashboards', reason: 'relative link: no site to resolve it against' },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ ...roadmapDetail, skippedLinks }, 201)),
    );

    renderAndSubmit(new File(['# Plan\n## Month 1'], 'plan.md', { type: 'text/markdown' }));

    expect(await screen.findByText('Opened roadmap six-month-plan skipping /guides/dashboards')).toBeTruthy();
  });

  describe('when a different roadmap has the same title', () => {
    const file = new File(['# 6-Month Study Plan\n## Month 1'], 'plan-v2.md', { type: 'text/markdown' });

    function stubClashThen(next: Response) {
      const fetchMock = vi.fn(async () => next);
      fetchMock.mockResolvedValueOnce(roadmapExistsResponse('six-month-plan', '6-Month Study Plan'));
      vi.stubGlobal('fetch', fetchMock);
      renderAndSubmit(file);
      return fetchMock;
    }

    function request(fetchMock: ReturnType<typeof vi.fn>, n: number): [string, RequestInit] {
      return fetchMock.mock.calls[n] as unknown as [string, RequestInit];
    }

    it('names the stored roadmap and offers to update it, import anew or cancel', async () => {
      const fetchMock = stubClashThen(jsonResponse(roadmapDetail));

      expect((await screen.findByRole('alert')).textContent).toContain('“6-Month Study Plan” is already stored');
      expect(screen.getByRole('button', { name: 'Update “6-Month Study Plan”' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Import as a new roadmap' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
      expect((screen.getByRole('button', { name: 'Import roadmap' }) as HTMLButtonElement).disabled).toBe(true);
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it.each([
      {
        choice: 'Update “6-Month Study Plan”',
        answer: () => jsonResponse(roadmapDetail),
        url: '/api/roadmaps/six-month-plan',
        method: 'PUT',
        opened: 'six-month-plan',
      },
      {
        choice: 'Import as a new roadmap',
        answer: () => jsonResponse({ ...roadmapDetail, id: 'six-month-plan-2' }, 201),
        url: '/api/roadmaps?as=new',
        method: 'POST',
        opened: 'six-month-plan-2',
      },
    ])('$choice sends the same file with $method $url and opens the result', async (c) => {
      const fetchMock = stubClashThen(c.answer());

      fireEvent.click(await screen.findByRole('button', { name: c.choice }));

      expect(await screen.findByText(`Opened roadmap ${c.opened}`)).toBeTruthy();
      const [url, init] = request(fetchMock, 1);
      expect(url).toBe(c.url);
      expect(init.method).toBe(c.method);
      expect(((init.body as FormData).get('file') as File).name).toBe('plan-v2.md');
    });

    it('sends nothing more when cancelled', async () => {
      const fetchMock = stubClashThen(jsonResponse(roadmapDetail));

      fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

      await waitFor(() => expect(screen.queryByTestId('upload-conflict')).toBeNull());
      expect((screen.getByRole('button', { name: 'Import roadmap' }) as HTMLButtonElement).disabled).toBe(false);
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it("shows the server's detail when the chosen update fails", async () => {
      stubClashThen(problemResponse(404, 'Not found', "No roadmap with id 'six-month-plan'."));

      fireEvent.click(await screen.findByRole('button', { name: 'Update “6-Month Study Plan”' }));

      await waitFor(() => expect(screen.getByTestId('upload-error').textContent).toBe(
        "No roadmap with id 'six-month-plan'.",
      ));
      expect(screen.queryByTestId('upload-conflict')).toBeNull();
    });
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
