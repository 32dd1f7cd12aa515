import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { apiToken, authState, learner, singleUserState } from '../testing/fixtures';
import { renderAccount } from '../testing/render';

const STATE = 'GET /api/auth/state';
const SECRET = 'gw_cd34_s3cr3t-value-only-once';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('the account page: API tokens', () => {
  it('lists the tokens with prefix, scope, last use and expiry; a revoked one cannot be revoked again', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () =>
        jsonResponse([
          apiToken({ id: 't-2', name: 'chat app', prefix: 'gw_ef56', scope: 'read-write', lastUsedAt: '2026-05-02T08:00:00Z', expiresAt: '2099-01-01T00:00:00Z' }),
          apiToken({ revokedAt: '2026-05-03T08:00:00Z' }),
        ]),
    });
    renderAccount('/account');

    const tokens = await screen.findAllByTestId('token');
    expect(tokens.map((token) => token.dataset.state)).toEqual(['active', 'revoked']);
    expect(tokens[0].textContent).toContain('gw_ef56…');
    expect(tokens[0].textContent).toContain('Read and write');
    expect(tokens[0].textContent).not.toContain('Last used never');
    expect(tokens[0].textContent).toContain('Expires');
    expect(tokens[1].textContent).toContain('Last used never');
    expect(within(tokens[1]).queryByRole('button', { name: 'Revoke' })).toBeNull();
  });

  it('creates a token and shows its secret once, with a copy button', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const made = apiToken({ id: 't-3', name: 'ci', prefix: 'gw_cd34', scope: 'read', expiresAt: '2026-06-01T10:00:00Z' });
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => jsonResponse([]),
      'POST /api/tokens': () => jsonResponse({ token: made, secret: SECRET }, 201),
    });
    renderAccount('/account');
    await screen.findByText('No tokens yet');

    fill('Name', 'ci');
    fill('Expires after (days)', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const panel = await screen.findByTestId('token-secret-panel');
    expect(panel.textContent).toContain('You won’t see it again.');
    expect((screen.getByTestId('token-secret') as HTMLInputElement).value).toBe(SECRET);
    expect(api.changes()[0].body).toEqual({ name: 'ci', scope: 'read', expiresInDays: 30 });
    expect(screen.getAllByTestId('token').map((token) => token.dataset.tokenId)).toEqual(['t-3']);
    expect(screen.getByTestId('token-list').textContent).not.toContain(SECRET);

    fireEvent.click(screen.getByTestId('token-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByTestId('token-secret-panel')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('sends the read-write scope and no expiry when asked, and refuses a bad number of days', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => jsonResponse([]),
      'POST /api/tokens': () => jsonResponse({ token: apiToken({ scope: 'read-write' }), secret: SECRET }, 201),
    });
    renderAccount('/account');
    await screen.findByText('No tokens yet');

    fill('Name', 'sync');
    fill('Expires after (days)', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByText('A whole number of days from 1 to 3650, or empty.')).toBeTruthy();
    expect(api.changes()).toEqual([]);

    fill('Expires after (days)', '');
    fireEvent.click(screen.getByLabelText(/Read and write/));
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    await screen.findByTestId('token-secret-panel');
    expect(api.changes()[0].body).toEqual({ name: 'sync', scope: 'read-write', expiresInDays: null });
  });

  it('revokes a token only after the confirmation', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => jsonResponse([apiToken()]),
      'DELETE /api/tokens/t-1': () => new Response(null, { status: 204 }),
    });
    renderAccount('/account');
    const token = await screen.findByTestId('token');

    fireEvent.click(within(token).getByRole('button', { name: 'Revoke' }));
    expect(within(token).getByRole('group').textContent).toContain('Revoke “laptop script”?');
    expect(api.changes()).toEqual([]);
    fireEvent.click(within(token).getByRole('button', { name: 'Revoke token' }));

    await waitFor(() => expect(screen.getByTestId('token').dataset.state).toBe('revoked'));
    expect(api.changes().map((request) => `${request.method} ${request.url}`)).toEqual(['DELETE /api/tokens/t-1']);
  });

  it('keeps the token and says why when revoking fails', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => jsonResponse([apiToken()]),
      'DELETE /api/tokens/t-1': () => problemResponse(404, 'Not found', 'No such token.'),
    });
    renderAccount('/account');
    const token = await screen.findByTestId('token');

    fireEvent.click(within(token).getByRole('button', { name: 'Revoke' }));
    fireEvent.click(within(token).getByRole('button', { name: 'Revoke token' }));

    expect((await within(token).findByRole('alert')).textContent).toBe('No such token.');
    expect(token.dataset.state).toBe('active');
  });
});

describe('the account menu and logging out', () => {
  it('shows name and role, links the admin page for admins only, and logs out to the login page', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState()),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderAccount('/roadmaps/x');
    await screen.findByTestId('app-screen');

    fireEvent.click(screen.getByTestId('account-menu'));
    const panel = screen.getByTestId('account-menu-panel');
    expect(panel.textContent).toContain('@ada · Admin');
    expect(within(panel).getByRole('link', { name: 'Admin' }).getAttribute('href')).toBe('/admin');
    fireEvent.click(within(panel).getByRole('button', { name: 'Log out' }));

    await screen.findByTestId('login-page');
    expect(screen.getByTestId('location').textContent).toBe('/login');
    expect(screen.queryByTestId('account-menu')).toBeNull();
    expect(api.changes().map((request) => request.url)).toEqual(['/api/auth/logout']);
  });

  it('has no admin link for a learner', async () => {
    mockApi({ [STATE]: () => jsonResponse(authState({ learner })) });
    renderAccount('/');
    await screen.findByTestId('app-screen');

    fireEvent.click(screen.getByTestId('account-menu'));

    expect(within(screen.getByTestId('account-menu-panel')).queryByRole('link', { name: 'Admin' })).toBeNull();
    expect(screen.getByTestId('account-menu-panel').textContent).toContain('@bo · Learner');
  });

  it('logs out everywhere after a confirmation', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => jsonResponse([]),
      'POST /api/auth/logout-everywhere': () => new Response(null, { status: 204 }),
    });
    renderAccount('/account');
    await screen.findByText('No tokens yet');

    fireEvent.click(screen.getByTestId('logout-everywhere'));
    fireEvent.click(within(screen.getByTestId('logout-everywhere-confirm')).getByRole('button', { name: 'Log out everywhere' }));

    await screen.findByTestId('login-page');
    expect(api.changes().map((request) => request.url)).toEqual(['/api/auth/logout-everywhere']);
  });

  it('goes to the login page, back to the same screen afterwards, when the API says the session ended', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner })),
      'GET /api/tokens': () => problemResponse(401, 'Unauthenticated', 'Your session ended.'),
    });
    renderAccount('/account');

    await screen.findByTestId('login-page');
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Faccount');
  });
});

describe('single-user mode', () => {
  it('asks nobody to sign in and says so quietly', async () => {
    mockApi({ [STATE]: () => jsonResponse(singleUserState) });
    renderAccount('/roadmaps/x');

    await screen.findByTestId('app-screen');
    expect(screen.getByTestId('single-user-note').textContent).toBe('Single-user mode');
    expect(screen.queryByTestId('account-menu')).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/roadmaps/x');
  });

  it('sends /login to the app', async () => {
    mockApi({ [STATE]: () => jsonResponse(singleUserState) });
    renderAccount('/login');

    await screen.findByTestId('app-screen');
    expect(screen.getByTestId('location').textContent).toBe('/');
  });

  it('runs like single-user mode against a server without the accounts API', async () => {
    mockApi({ [STATE]: () => problemResponse(404, 'Not Found', 'No such path.') });
    renderAccount('/topics/w2');

    await screen.findByTestId('app-screen');
    expect(screen.queryByTestId('login-page')).toBeNull();
  });
});
