// Shared by the browser end-to-end scripts: numbered steps, checks with readable failures, a headless system
// Chromium (nothing downloaded), a global deadline, and the exit codes 0 = pass, 1 = a check failed or timed out.

import { chromium } from 'playwright-core';

/** A failed expectation: reported by its message alone, without a stack trace. */
export class CheckFailed extends Error {}

let passed = 0;
let currentStep = 'starting';
let browser;
const pageErrors = [];

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

/** GET `path` as JSON; an unreachable server or a non-2xx answer fails the check with its status and body. */
export async function fetchJson(baseUrl, path, timeoutMs) {
  const response = await fetchOrFail(baseUrl, path, {
    headers: { Accept: 'application/json, application/problem+json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  check(response.ok, `GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
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
  return page;
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
