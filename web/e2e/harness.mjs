// Shared by the browser end-to-end scripts: numbered steps, checks with readable failures, a headless system
// Chromium (nothing downloaded), a global deadline, and the exit codes 0 = pass, 1 = a check failed or timed out.

import { chromium } from 'playwright-core';

/** A phone's screen and the smallest tap target the scripts accept on it, in CSS px. */
export const PHONE = { width: 390, height: 844 };
export const MIN_TAP = 44;
/** Browser-context options for a touch phone with the `PHONE` viewport. */
export const PHONE_CONTEXT = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A failed expectation: reported by its message alone, without a stack trace. */
export class CheckFailed extends Error {}

let passed = 0;
let currentStep = 'starting';
let browser;
const pageErrors = [];

/** `BASE_URL` from the environment without trailing slashes; '' when unset. */
export function baseUrlFromEnv() {
  return (process.env.BASE_URL ?? '').replace(/\/+$/, '');
}

/** Prints `usage` and exits with code 2 (bad usage) unless every one of `required` is set. */
export function requireEnv(usage, ...required) {
  if (required.every(Boolean)) return;
  console.error(`usage: ${usage}`);
  process.exit(2);
}

export function normalise(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/** Runs one named check and prints it with its duration; a failure is reported with this name. */
export async function step(name, action) {
  currentStep = name;
  const started = Date.now();
  await action();
  passed += 1;
  console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
}

/** `fetch` that turns an unreachable server into a CheckFailed naming it and the cause (ECONNREFUSED, …). */
export async function fetchOrFail(baseUrl, path, init) {
  try {
    return await fetch(`${baseUrl}${path}`, init);
  } catch (error) {
    throw new CheckFailed(`cannot reach ${baseUrl}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
  }
}

/**
 * Headers for the scripts' own API calls: with `API_TOKEN` set (a read-write personal token of a server in accounts
 * mode) they carry it as `Authorization: Bearer`, which needs no session cookie and no CSRF header.
 */
export function apiHeaders(headers) {
  return process.env.API_TOKEN ? { ...headers, Authorization: `Bearer ${process.env.API_TOKEN}` } : headers;
}

/** GET `path` as JSON; an unreachable server or a non-2xx answer fails the check with its status and body. */
export async function fetchJson(baseUrl, path, timeoutMs) {
  const response = await fetchOrFail(baseUrl, path, {
    headers: apiHeaders({ Accept: 'application/json, application/problem+json' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  check(response.ok, `GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Sends `body` as JSON with `method`; an unreachable server or a non-2xx answer fails the check. Returns the body text. */
export async function sendJson(baseUrl, method, apiPath, body, accept = 'application/json, application/problem+json') {
  const response = await fetchOrFail(baseUrl, apiPath, {
    method,
    headers: apiHeaders({ 'Content-Type': 'application/json', Accept: accept }),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  check(response.ok, `${method} ${apiPath} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * Generates cards for the topic through the API (reading the stream to its end) and adds a cloze and a reversed card
 * by hand, both marked with `label`; returns the generation's summary (`accepted`, `skipped`, `mode`).
 */
export async function seedCards(baseUrl, topicId, label) {
  const cardsPath = `/api/topics/${encodeURIComponent(topicId)}/cards`;
  const stream = await sendJson(baseUrl, 'POST', `${cardsPath}/generate`, { count: 4 }, 'text/event-stream, application/problem+json');
  const done = stream.match(/event:\s*done\s*\ndata:\s*(.*)/);
  check(done, `generation for ${label} did not end with done: ${stream.slice(-300)}`);
  const stamp = new Date().toISOString();
  await sendJson(baseUrl, 'POST', cardsPath, {
    type: 'cloze',
    text: `{{c1::Redis}} keeps its whole dataset in {{c2::RAM}} (${label}, ${stamp}).`,
    back: 'It persists to disk with snapshots or an append-only file.',
  });
  await sendJson(baseUrl, 'POST', cardsPath, {
    type: 'reversed',
    front: `Append-only file (${label}, ${stamp})`,
    back: 'A Redis persistence mode that logs every write.',
  });
  return JSON.parse(done[1]);
}

/**
 * Signs in at `${baseUrl}/login` with a username (or e-mail) and password and waits for the account menu. In
 * single-user mode, where /login opens the app, it does nothing; a refused sign-in fails the check with its message.
 */
export async function login(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/login`);
  const form = page.getByTestId('login-page');
  await form.or(page.getByTestId('single-user-note')).first().waitFor({ state: 'visible' });
  if (!(await form.isVisible())) return;
  await form.getByLabel('Username or e-mail').fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  const error = page.getByTestId('login-error');
  await page.getByTestId('account-menu').or(error).first().waitFor({ state: 'visible' });
  if (await error.isVisible()) throw new CheckFailed(`sign-in as ${username} refused: ${normalise(await error.textContent())}`);
}

/**
 * Asks `question` in a chat panel and waits up to `timeoutMs` for the last answer to settle (done, failed or
 * stopped); returns whether it settled in time.
 */
export async function askInChat(panel, question, timeoutMs) {
  await panel.getByTestId('chat-input').fill(question);
  await panel.getByTestId('chat-send').click();
  await panel.getByTestId('answer').last().waitFor({ state: 'visible' });
  return panel
    .page()
    .waitForFunction(
      () => {
        const answers = document.querySelectorAll('[data-testid=answer]');
        return ['done', 'failed', 'stopped'].includes(answers[answers.length - 1]?.dataset.state ?? '');
      },
      null,
      { timeout: timeoutMs, polling: 250 },
    )
    .then(() => true, () => false);
}

export async function launchChromium() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

/**
 * A page (1280×900 unless `contextOptions` say otherwise, e.g. a phone's viewport) whose waits time out after
 * `stepTimeoutMs` and whose uncaught errors are collected.
 */
export async function openPage(stepTimeoutMs, contextOptions = {}) {
  currentStep = 'open a browser page';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeoutMs);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (process.env.LOGIN_USER) {
    // accounts mode: every flow's page signs in first (each context has its own cookies)
    currentStep = `sign in as ${process.env.LOGIN_USER}`;
    await login(page, process.env.BASE_URL, process.env.LOGIN_USER, process.env.LOGIN_PASSWORD ?? '');
  }
  return page;
}

/** Saves a screenshot of `target` (a page or a locator) to `file`; does nothing when `file` is empty. */
export async function screenshot(file, target, options = {}) {
  if (!file) return;
  await target.screenshot({ path: file, ...options });
  console.log(`    screenshot: ${file}`);
}

export async function noHorizontalScroll(page, where) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  check(widths.scroll <= widths.view, `${where}: the page is ${widths.scroll} px wide in a ${widths.view} px viewport (horizontal scroll)`);
}

export function checkNoPageErrors() {
  check(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
}

async function closeBrowser() {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

/** Runs the script's checks within `timeoutMs`, prints the outcome, closes the browser and exits 0 or 1. */
export async function runE2E(run, timeoutMs) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new CheckFailed(`timed out after ${timeoutMs / 1000} s during: ${currentStep}`)),
      timeoutMs,
    );
  });

  let exitCode = 0;
  try {
    await Promise.race([run(), deadline]);
    console.log('E2E PASSED');
  } catch (error) {
    exitCode = 1;
    const message = error instanceof CheckFailed ? error.message : error?.stack ?? String(error);
    console.error(`E2E FAILED at "${currentStep}": ${message}`);
  } finally {
    clearTimeout(timer);
    await closeBrowser();
  }
  console.log(`e2e: ${passed} passed, ${exitCode === 0 ? 0 : 1} failed`);
  process.exit(exitCode);
}
