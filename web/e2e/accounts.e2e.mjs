#!/usr/bin/env node
// Browser end-to-end check of accounts against a running server in accounts mode on a FRESH database (no account).
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded):
//
//  1. At 1280 px: the app opens first-run setup; the admin account is created and the app opens signed in as Admin.
//     The admin logs out (the login page opens), a wrong password shows the server's message, and the admin logs in.
//  2. On /account the admin creates a read token: its secret is shown once (with "you won't see it again"), works as
//     `Authorization: Bearer` for a read, is refused a write (read scope), and is gone from the page after "I have
//     copied it" and after a reload, where the list shows the token's prefix instead.
//  3. On /admin the admin makes a learner invite and reads its link; the users table and the audit log show.
//  4. In a fresh browser context (nobody signed in) the invite link opens registration; the learner registers, the app
//     opens signed in as Learner, and the learner asks QUESTION in the chat of topic TOPIC_ID and gets an answer.
//  5. At 390 px (a phone): the login page fits the screen without horizontal scroll.
//
// Environment:
//   BASE_URL          required  e.g. http://127.0.0.1:8080 (accounts mode, no account yet)
//   TOPIC_ID          required  a topic whose resources are ingested
//   QUESTION          required  the learner's question, e.g. "What does Redis persist?"
//   ADMIN_USER        optional  the admin's username (default admin-<time>); ADMIN_PASSWORD likewise
//   SCREENSHOT_DIR    optional  where to write accounts-1280-{setup,login-error,token,admin,register,chat}.png and
//                               accounts-390-login.png
//   CHROMIUM_PATH     optional  browser executable (default /usr/bin/chromium)
//   E2E_ANSWER_TIMEOUT_MS  optional  how long the answer may take (default 120000)
//   E2E_TIMEOUT_MS    optional  global time limit (default 120000 plus E2E_ANSWER_TIMEOUT_MS)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import path from 'node:path';
import {
  askInChat, baseUrlFromEnv, check, checkNoPageErrors, fetchJson, fetchOrFail, launchChromium, login, noHorizontalScroll, normalise,
  openPage, PHONE_CONTEXT, requireEnv, runE2E, screenshot, step,
} from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const QUESTION = env.QUESTION ?? '';
const STAMP = Date.now().toString(36);
const ADMIN_USER = env.ADMIN_USER || `admin-${STAMP}`;
const ADMIN_PASSWORD = env.ADMIN_PASSWORD || `correct horse ${STAMP} battery`;
const LEARNER_USER = `learner-${STAMP}`;
const LEARNER_PASSWORD = `staple ${STAMP} paper clip`;
const SCREENSHOT_DIR = env.SCREENSHOT_DIR ?? '';
const ANSWER_TIMEOUT_MS = Number(env.E2E_ANSWER_TIMEOUT_MS ?? 120_000);
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 120_000 + ANSWER_TIMEOUT_MS);
const STEP_TIMEOUT_MS = Math.min(15_000, TIMEOUT_MS);

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> QUESTION="What is …?" [SCREENSHOT_DIR=dir] node e2e/accounts.e2e.mjs',
  BASE_URL, TOPIC_ID, QUESTION.trim(),
);

const shot = (page, name, fullPage = true) => screenshot(SCREENSHOT_DIR && path.join(SCREENSHOT_DIR, name), page, { fullPage });

/** The signed-in learner as the account menu shows them: "@name · Role". */
async function menuIdentity(page) {
  await page.getByTestId('account-menu').click();
  const panel = page.getByTestId('account-menu-panel');
  await panel.waitFor({ state: 'visible' });
  const who = normalise(await panel.locator('.account-menu__who').textContent());
  await page.keyboard.press('Escape');
  return who;
}

/** Fills the new-account form (setup or register) and submits it with `submit`. */
async function createAccount(page, username, password, submit) {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: submit }).click();
}

/** Status of `method path` sent with the bearer token and no cookies. */
async function withToken(secret, method, apiPath, body) {
  const response = await fetchOrFail(BASE_URL, apiPath, {
    method,
    headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json, application/problem+json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  return { status: response.status, text: await response.text() };
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  await step('the server runs with accounts and has none yet (GET /api/auth/state)', async () => {
    const state = await fetchJson(BASE_URL, '/api/auth/state', STEP_TIMEOUT_MS);
    check(state.mode === 'accounts', `mode is ${state.mode}; start the server with groundwork.security.mode=accounts`);
    check(state.setupRequired === true, 'setup is done already: this check needs a database without accounts');
  });

  await step('launch headless Chromium', launchChromium);
  const page = await openPage(STEP_TIMEOUT_MS);

  await step('the app opens first-run setup, which creates the admin and signs them in', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.getByTestId('setup-page').waitFor({ state: 'visible' });
    check(new URL(page.url()).pathname === '/setup', `the app opened ${page.url()}, not /setup`);
    await shot(page, 'accounts-1280-setup.png');
    await createAccount(page, ADMIN_USER, ADMIN_PASSWORD, 'Create the admin account');
    await page.getByTestId('account-menu').waitFor({ state: 'visible' });
    const who = await menuIdentity(page);
    console.log(`    signed in: ${who}`);
    check(who.includes(`@${ADMIN_USER} · Admin`), `the account menu shows "${who}"`);
  });

  await step('the admin logs out and the login page opens', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('account-menu-panel').getByRole('button', { name: 'Log out' }).click();
    await page.getByTestId('login-page').waitFor({ state: 'visible' });
    check(new URL(page.url()).pathname === '/login', `logging out opened ${page.url()}`);
    const state = await page.evaluate(() => fetch('/api/auth/state').then((response) => response.json()));
    check(state.learner === null, `the server still sees ${JSON.stringify(state.learner)} signed in`);
  });

  await step('a wrong password shows the server’s message; the right one signs in', async () => {
    const form = page.getByTestId('login-page');
    await form.getByLabel('Username or e-mail').fill(ADMIN_USER);
    await form.getByLabel('Password', { exact: true }).fill('not the password at all');
    await form.getByRole('button', { name: 'Sign in' }).click();
    const error = normalise(await page.getByTestId('login-error').textContent());
    console.log(`    wrong password: ${error}`);
    check(error.length > 0, 'the failed sign-in shows no message');
    await shot(page, 'accounts-1280-login-error.png');
    await login(page, BASE_URL, ADMIN_USER, ADMIN_PASSWORD);
  });

  let secret = '';
  await step('a read token is created on /account; its secret is shown once and works for a read only', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('account-menu-panel').getByRole('link', { name: 'Account and API tokens' }).click();
    await page.getByTestId('account-page').waitFor({ state: 'visible' });
    const form = page.getByTestId('token-form');
    await form.getByLabel('Name').fill('e2e script');
    await form.getByLabel('Expires after (days)').fill('7');
    await form.getByRole('button', { name: 'Create token' }).click();
    const panel = page.getByTestId('token-secret-panel');
    await panel.waitFor({ state: 'visible' });
    secret = await page.getByTestId('token-secret').inputValue();
    check(/^gw_\S{16,}$/.test(secret), `the secret "${secret.slice(0, 6)}…" does not look like a token`);
    check(normalise(await panel.textContent()).includes('You won’t see it again.'), 'the secret panel does not say it is shown once');
    await shot(page, 'accounts-1280-token.png');

    const read = await withToken(secret, 'GET', '/api/tokens');
    check(read.status === 200 && read.text.includes('e2e script'), `GET /api/tokens with the token answered ${read.status}: ${read.text.slice(0, 200)}`);
    const write = await withToken(secret, 'POST', '/api/tokens', { name: 'escalation', scope: 'read-write' });
    check(write.status === 403, `a read token could POST /api/tokens: ${write.status}`);

    await page.getByTestId('token-secret-done').click();
    check(!(await page.content()).includes(secret), 'the secret is still on the page after "I have copied it"');
    await page.reload();
    const token = page.getByTestId('token').filter({ hasText: 'e2e script' });
    await token.waitFor({ state: 'visible' });
    const listed = normalise(await token.textContent());
    console.log(`    listed: ${listed}`);
    check(!(await page.content()).includes(secret), 'the secret shows again after a reload');
    // a token reads gw_<prefix>_<secret>: the list shows the prefix, never the secret
    check(listed.includes(secret.split('_')[1]), `the token's prefix is not listed: ${listed}`);
  });

  let inviteLink = '';
  await step('the admin invites a learner on /admin and reads the invite link', async () => {
    await page.goto(`${BASE_URL}/admin`);
    await page.getByTestId('admin-page').waitFor({ state: 'visible' });
    await page.getByTestId('users-table').waitFor({ state: 'visible' });
    const form = page.getByTestId('invite-form');
    check(await form.getByLabel(/^Learner/).isChecked(), 'the invite form does not default to the learner role');
    await form.getByRole('button', { name: 'Create invite link' }).click();
    inviteLink = await page.getByTestId('invite-link').inputValue();
    console.log(`    invite link: ${inviteLink}`);
    check(inviteLink.startsWith(`${BASE_URL}/register?invite=`), `the invite link ${inviteLink} is not ${BASE_URL}/register?invite=…`);
    await page.getByTestId('audit-table').waitFor({ state: 'visible' });
    const actions = await page.getByTestId('audit-row').locator('code').allTextContents();
    console.log(`    audit log: ${actions.length} events, latest ${actions.slice(0, 5).join(', ')}`);
    check(actions.length > 0, 'the audit log is empty after setup, sign-ins and a token');
    await shot(page, 'accounts-1280-admin.png');
  });

  const learner = await openPage(STEP_TIMEOUT_MS);
  await step('in a fresh browser the invite link registers a learner, who lands in the app', async () => {
    await learner.goto(inviteLink);
    await learner.getByTestId('register-page').waitFor({ state: 'visible' });
    await shot(learner, 'accounts-1280-register.png');
    await createAccount(learner, LEARNER_USER, LEARNER_PASSWORD, 'Create my account');
    await learner.getByTestId('account-menu').waitFor({ state: 'visible' });
    const who = await menuIdentity(learner);
    console.log(`    signed in: ${who}`);
    check(who.includes(`@${LEARNER_USER} · Learner`), `the account menu shows "${who}"`);
  });

  await step('the learner asks a question in the chat and gets an answer', async () => {
    await learner.goto(`${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`);
    const panel = learner.getByTestId('chat-panel');
    await panel.waitFor({ state: 'visible' });
    const settled = await askInChat(panel, QUESTION, ANSWER_TIMEOUT_MS);
    const answer = panel.getByTestId('answer').last();
    const state = await answer.getAttribute('data-state');
    const text = normalise(await answer.getByTestId('answer-text').textContent().catch(() => ''));
    console.log(`    state ${state}, ${text.length} characters: ${JSON.stringify(text.slice(0, 120))}`);
    check(settled, `the answer did not finish within ${ANSWER_TIMEOUT_MS / 1000} s`);
    if (state !== 'done') {
      const alert = answer.getByRole('alert');
      check(false, `the answer ended ${state}: ${(await alert.count()) > 0 ? normalise(await alert.first().textContent()) : 'no message'}`);
    }
    check(text.length > 0, 'the answer has no text');
    await shot(learner, 'accounts-1280-chat.png');
  });

  await step('at 390 px the login page fits the screen', async () => {
    const phone = await openPage(STEP_TIMEOUT_MS, PHONE_CONTEXT);
    await phone.goto(`${BASE_URL}/account`);
    await phone.getByTestId('login-page').waitFor({ state: 'visible' });
    check(new URL(phone.url()).search === '?next=%2Faccount', `a signed-out /account opened ${phone.url()}`);
    await noHorizontalScroll(phone, 'the login page at 390 px');
    await shot(phone, 'accounts-390-login.png');
  });

  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
