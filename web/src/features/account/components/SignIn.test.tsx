import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { admin, authState, learner } from '../testing/fixtures';
import { renderAccount } from '../testing/render';

const STATE = 'GET /api/auth/state';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Fills the new-account form (setup, register) with a valid password and its confirmation. */
function fillAccount(username: string, password = 'correct horse battery') {
  fill('Username', username);
  fill('Password', password);
  fill('Confirm password', password);
}

async function location() {
  return (await screen.findByTestId('location')).textContent;
}

describe('the route guard', () => {
  it('sends a visitor to the login page and back to where they were going', async () => {
    mockApi({ [STATE]: () => jsonResponse(authState({ learner: null })) });
    renderAccount('/topics/w2?tab=cards');

    await screen.findByTestId('login-page');
    expect(await location()).toBe('/login?next=%2Ftopics%2Fw2%3Ftab%3Dcards');
    expect(screen.queryByTestId('app-screen')).toBeNull();
  });

  it('sends the first visitor of a fresh server to setup', async () => {
    mockApi({ [STATE]: () => jsonResponse(authState({ learner: null, setupRequired: true })) });
    renderAccount('/');

    await screen.findByTestId('setup-page');
    expect(await location()).toBe('/setup');
  });

  it('lets a signed-in learner through', async () => {
    mockApi({ [STATE]: () => jsonResponse(authState({ learner })) });
    renderAccount('/roadmaps/x');

    await screen.findByTestId('app-screen');
    expect(screen.getByTestId('account-menu').textContent).toContain('Bo Learner');
  });
});

describe('first-run setup', () => {
  it('checks the form before sending: username, 10+ character password, matching confirmation', async () => {
    const api = mockApi({ [STATE]: () => jsonResponse(authState({ learner: null, setupRequired: true })) });
    renderAccount('/setup');
    await screen.findByTestId('setup-page');

    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create the admin account' }));

    expect(screen.getByText('Choose a username.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');

    fill('Username', 'ada');
    fill('Password', 'correct horse battery');
    fill('Confirm password', 'correct horse batter');
    fireEvent.click(screen.getByRole('button', { name: 'Create the admin account' }));

    expect(screen.getByText('The passwords differ.')).toBeTruthy();
    expect(api.changes()).toEqual([]);
  });

  it('creates the admin, without an e-mail when none is given, and opens the app signed in', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null, setupRequired: true })),
      'POST /api/auth/setup': () => jsonResponse({ learner: admin }, 201),
    });
    renderAccount('/setup');
    await screen.findByTestId('setup-page');

    fillAccount(' ada ');
    fireEvent.click(screen.getByRole('button', { name: 'Create the admin account' }));

    await screen.findByTestId('app-screen');
    expect(await location()).toBe('/');
    expect(api.changes().map((request) => request.body)).toEqual([{ username: 'ada', password: 'correct horse battery' }]);
    expect(screen.getByTestId('account-menu').textContent).toContain('Ada Admin');
  });

  it('explains setup-done and links the login page', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null, setupRequired: true })),
      'POST /api/auth/setup': () => problemResponse(409, 'Setup done', 'An account exists already.'),
    });
    renderAccount('/setup');
    await screen.findByTestId('setup-page');

    fillAccount('ada');
    fill('E-mail (optional)', 'ada@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Create the admin account' }));

    const error = await screen.findByTestId('account-form-error');
    expect(error.textContent).toContain('An account exists already.');
    expect(within(error).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
  });
});

describe('login', () => {
  it('signs in with username or e-mail and goes back to ?next=', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null })),
      'POST /api/auth/login': () => jsonResponse({ learner }),
    });
    renderAccount('/login?next=%2Ftopics%2Fw2');
    await screen.findByTestId('login-page');

    fill('Username or e-mail', 'bo@example.org');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByTestId('app-screen');
    expect(await location()).toBe('/topics/w2');
    expect(api.changes()[0].body).toEqual({ login: 'bo@example.org', password: 'correct horse battery' });
  });

  it('never follows ?next= to another site', async () => {
    mockApi({ [STATE]: () => jsonResponse(authState({ learner: null })), 'POST /api/auth/login': () => jsonResponse({ learner }) });
    renderAccount('/login?next=%2F%2Fevil.example%2F');
    await screen.findByTestId('login-page');

    fill('Username or e-mail', 'bo');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByTestId('app-screen');
    expect(await location()).toBe('/');
  });

  it('shows a wrong password clearly and clears the password field', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null })),
      'POST /api/auth/login': () => problemResponse(401, 'Bad credentials', 'Wrong username or password.'),
    });
    renderAccount('/login');
    await screen.findByTestId('login-page');

    fill('Username or e-mail', 'bo');
    fill('Password', 'not the password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong username or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(await location()).toBe('/login');
  });

  it('says how long to wait when throttled, and the button waits too', async () => {
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null })),
      'POST /api/auth/login': () =>
        new Response(JSON.stringify({ type: 'urn:groundwork:problem:rate-limited', title: 'Too many requests', status: 429, detail: 'Too many attempts.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' },
        }),
    });
    renderAccount('/login');
    await screen.findByTestId('login-page');

    fill('Username or e-mail', 'bo');
    fill('Password', 'guess guess guess');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByTestId('login-wait')).textContent).toBe('You can try again in 2 s.');
    expect(screen.getByTestId('login-error').textContent).toContain('Too many attempts.');
    expect(screen.getByRole('button', { name: 'Wait 2 s' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(screen.getByTestId('login-wait').textContent).toBe('You can try again now.'), { timeout: 3500 });
    expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false);
  });

  it('offers the single sign-on providers as links to their login URLs', async () => {
    mockApi({
      [STATE]: () =>
        jsonResponse(authState({ learner: null, ssoProviders: [{ id: 'corp', name: 'Corp SSO', loginUrl: '/oauth2/authorization/corp' }] })),
    });
    renderAccount('/login');

    const link = await screen.findByRole('link', { name: 'Sign in with Corp SSO' });
    expect(link.getAttribute('href')).toBe('/oauth2/authorization/corp');
  });
});

describe('registration', () => {
  it('explains how to get an invite when registration is by invite and the link had no code', async () => {
    const api = mockApi({ [STATE]: () => jsonResponse(authState({ learner: null, registration: 'invite' })) });
    renderAccount('/register');

    expect((await screen.findByTestId('invite-only')).textContent).toContain('Ask one of its admins for an invite');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(api.changes()).toEqual([]);
  });

  it('registers with the invite code of the link and opens the app', async () => {
    const api = mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null, registration: 'invite' })),
      'POST /api/auth/register': () => jsonResponse({ learner }, 201),
    });
    renderAccount('/register?invite=inv-123');
    await screen.findByTestId('register-page');

    fillAccount('bo');
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    await screen.findByTestId('app-screen');
    expect(api.changes()[0].body).toEqual({ username: 'bo', password: 'correct horse battery', invite: 'inv-123' });
  });

  it('shows a taken username and an expired invite', async () => {
    let answer = problemResponse(409, 'Account exists', 'The username bo is taken.');
    mockApi({
      [STATE]: () => jsonResponse(authState({ learner: null, registration: 'open' })),
      'POST /api/auth/register': () => answer,
    });
    renderAccount('/register');
    await screen.findByTestId('register-page');

    fillAccount('bo');
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    expect((await screen.findByTestId('account-form-error')).textContent).toContain('The username bo is taken.');

    answer = problemResponse(403, 'Registration closed', 'This invite is not valid.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create my account' })));
    await waitFor(() => expect(screen.getByTestId('account-form-error').textContent).toContain('The invite may have expired'));
  });
});
