import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../test/mock-api';
import { eventStreamResponse, jsonResponse, problemResponse, sseEvent } from '../test/responses';
import { apiFetch, retryAfter, withJson } from './api-client';
import { readJsonEvents } from './sse';
import { loginPath, setUnauthenticatedHandler } from './unauthenticated';

function setCookie(value: string) {
  document.cookie = value;
}

beforeEach(() => setCookie('XSRF-TOKEN=tok%2Ben-1; path=/'));
afterEach(() => setCookie('XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'));

describe('the API client and CSRF', () => {
  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on every write, with the session cookie', async () => {
    const api = mockApi({
      'POST /api/things': () => jsonResponse({}, 201),
      'PUT /api/things/1': () => jsonResponse({}),
      'PATCH /api/things/1': () => jsonResponse({}),
      'DELETE /api/things/1': () => new Response(null, { status: 204 }),
    });

    await apiFetch('/api/things', withJson('POST', { a: 1 }));
    await apiFetch('/api/things/1', withJson('PUT', { a: 2 }));
    await apiFetch('/api/things/1', { method: 'PATCH' });
    await apiFetch('/api/things/1', { method: 'DELETE' });

    expect(api.seen.map((request) => request.headers.get('X-XSRF-TOKEN'))).toEqual(['tok+en-1', 'tok+en-1', 'tok+en-1', 'tok+en-1']);
    expect(api.seen.every((request) => request.credentials === 'same-origin')).toBe(true);
    expect(api.seen[0].headers.get('Content-Type')).toBe('application/json');
  });

  it('sends no CSRF header on a read', async () => {
    const api = mockApi({ 'GET /api/things': () => jsonResponse([]) });

    await apiFetch('/api/things');

    expect(api.seen[0].headers.has('X-XSRF-TOKEN')).toBe(false);
    expect(api.seen[0].credentials).toBe('same-origin');
  });

  it('sends the header on a multipart upload too', async () => {
    const api = mockApi({ 'POST /api/upload': () => jsonResponse({}) });
    const body = new FormData();
    body.append('file', new File(['x'], 'x.txt'));

    await apiFetch('/api/upload', { method: 'POST', body });

    expect(api.seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok+en-1');
    expect(api.seen[0].headers.has('Content-Type')).toBe(false); // the browser sets the multipart boundary
  });

  it('sends the header on a streamed POST (answers, grading, card generation)', async () => {
    const api = mockApi({ 'POST /api/answers': () => eventStreamResponse([sseEvent('done', {})]) });

    const events = [];
    for await (const event of readJsonEvents('/api/answers', withJson('POST', { question: 'q' }), new Set(['done']))) events.push(event);

    expect(events).toHaveLength(1);
    expect(api.seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok+en-1');
    expect(api.seen[0].headers.get('Accept')).toContain('text/event-stream');
    expect(api.seen[0].credentials).toBe('same-origin');
  });

  it('sends no header when there is no cookie yet', async () => {
    setCookie('XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
    const api = mockApi({ 'POST /api/things': () => jsonResponse({}) });

    await apiFetch('/api/things', { method: 'POST' });

    expect(api.seen[0].headers.has('X-XSRF-TOKEN')).toBe(false);
  });
});

describe('the API client and an ended session', () => {
  it('reports a 401 from the API once per call, and still rejects the call', async () => {
    const unauthenticated = vi.fn();
    const remove = setUnauthenticatedHandler(unauthenticated);
    mockApi({ 'GET /api/roadmaps': () => problemResponse(401, 'Unauthenticated', 'Sign in first.') });

    await expect(apiFetch('/api/roadmaps')).rejects.toMatchObject({ status: 401 });

    expect(unauthenticated).toHaveBeenCalledTimes(1);
    remove();
  });

  it('reports a 401 of a stream', async () => {
    const unauthenticated = vi.fn();
    const remove = setUnauthenticatedHandler(unauthenticated);
    mockApi({ 'POST /api/answers': () => problemResponse(401, 'Unauthenticated', 'Sign in first.') });

    await expect(readJsonEvents('/api/answers', withJson('POST', {}), new Set(['done'])).next()).rejects.toMatchObject({ status: 401 });

    expect(unauthenticated).toHaveBeenCalledTimes(1);
    remove();
  });

  it('does not report a 401 of the sign-in calls (a wrong password is not an ended session) nor a 403', async () => {
    const unauthenticated = vi.fn();
    const remove = setUnauthenticatedHandler(unauthenticated);
    mockApi({
      'POST /api/auth/login': () => problemResponse(401, 'Bad credentials', 'Wrong username or password.'),
      'DELETE /api/roadmaps/x': () => problemResponse(403, 'Forbidden', 'Admins only.'),
    });

    await expect(apiFetch('/api/auth/login', withJson('POST', {}))).rejects.toMatchObject({ status: 401 });
    await expect(apiFetch('/api/roadmaps/x', { method: 'DELETE' })).rejects.toMatchObject({ status: 403 });

    expect(unauthenticated).not.toHaveBeenCalled();
    remove();
  });

  it('carries Retry-After of a 429 in seconds', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        new Response(JSON.stringify({ title: 'Too many requests', status: 429, detail: 'Slow down.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' },
        }),
    });

    await expect(apiFetch('/api/auth/login', withJson('POST', {}))).rejects.toMatchObject({ status: 429, retryAfterSeconds: 42 });
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(retryAfter('30', now)).toBe(30);
    expect(retryAfter('Fri, 01 May 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfter(null, now)).toBeNull();
    expect(retryAfter('soon', now)).toBeNull();
  });
});

describe('loginPath', () => {
  it('says where to go back to, but not back to a sign-in page', () => {
    expect(loginPath('/topics/w2?x=1')).toBe('/login?next=%2Ftopics%2Fw2%3Fx%3D1');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=%2F')).toBe('/login');
  });
});
