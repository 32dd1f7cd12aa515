import { vi } from 'vitest';

/** One request the mocked server saw. */
export interface SeenRequest {
  method: string;
  url: string;
  /** A JSON body parsed; any other body (a multipart FormData) as it was sent. */
  body: unknown;
  /** The request's headers and credentials mode; not enumerable, so `toEqual` compares method, URL and body only. */
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

/**
 * Stubs `fetch` with routes keyed "METHOD /path?query" (exact match); each handler builds a fresh Response.
 * An unrouted request fails the test with its method and URL.
 */
export function mockApi(routes: Record<string, Handler>) {
  const seen: SeenRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const request = { method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? undefined) } as SeenRequest;
    // what the client adds to every call: readable, but left out of `toEqual` on the request
    Object.defineProperties(request, {
      headers: { value: new Headers(init.headers), enumerable: false },
      credentials: { value: init.credentials, enumerable: false },
    });
    seen.push(request);
    const handler = routes[`${method} ${url}`];
    if (!handler) throw new Error(`unexpected request ${method} ${url}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    seen,
    /** The requests other than the GETs that load the page. */
    changes: () => seen.filter((request) => request.method !== 'GET'),
  };
}
