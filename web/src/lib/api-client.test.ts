import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, errorMessage } from './api-client';

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('apiFetch', () => {
  it('returns the parsed JSON body of a successful response', async () => {
    const fetchMock = stubFetch(new Response(JSON.stringify([{ id: 'a' }]), { status: 200, headers: { 'Content-Type': 'application/json' } }));

    await expect(apiFetch('/api/roadmaps')).resolves.toEqual([{ id: 'a' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/roadmaps');
    expect(new Headers(init.headers).get('Accept')).toContain('application/problem+json');
  });

  it('surfaces the ProblemDetail detail of an error response', async () => {
    stubFetch(
      new Response(
        JSON.stringify({
          type: 'https://groundwork.dev/problems/roadmap-too-large',
          title: 'Roadmap too large',
          status: 413,
          detail: 'The roadmap is 3 MB; the limit is 1 MB.',
        }),
        { status: 413, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );

    const error = await apiFetch('/api/roadmaps', { method: 'POST' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(413);
    expect(apiError.detail).toBe('The roadmap is 3 MB; the limit is 1 MB.');
    expect(apiError.problem.type).toBe('https://groundwork.dev/problems/roadmap-too-large');
    expect(errorMessage(apiError)).toBe('The roadmap is 3 MB; the limit is 1 MB.');
  });

  it('falls back to the problem title when there is no detail', async () => {
    stubFetch(
      new Response(JSON.stringify({ title: 'Not Found', status: 404 }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );

    await expect(apiFetch('/api/roadmaps/nope')).rejects.toMatchObject({ status: 404, detail: 'Not Found' });
  });

  it('explains a non-JSON error page by its status', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));

    await expect(apiFetch('/api/roadmaps')).rejects.toMatchObject({
      status: 502,
      detail: 'The server answered with status 502 (Bad Gateway).',
    });
  });

  it('reports an unreachable server as status 0 with a readable detail', async () => {
    stubFetch(new TypeError('fetch failed'));

    await expect(apiFetch('/api/roadmaps')).rejects.toMatchObject({
      status: 0,
      detail: 'Could not reach the Groundwork server. Check that it is running.',
    });
  });
});
