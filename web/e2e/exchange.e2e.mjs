#!/usr/bin/env node
// Browser end-to-end check of the "Anki & CSV" panel and the review settings against a running server.
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded):
//
//  1. At 1280 px on a topic with cards (`/topics/{TOPIC_ID}`): the panel's links download the topic's cards as an
//     Anki package (a zip, "PK…") and as Anki's CSV (with its `#separator` header line) through real browser downloads;
//     the topic's roadmap page shows the panel, with the roadmap's links, right after the review panel.
//  2. On a topic of another roadmap (`/topics/{TARGET_TOPIC_ID}`): the downloaded .apkg goes in through the file
//     input; the report counts every card as imported, the flashcards panel lists them without a reload, and the
//     review panel's due count shows them as new. The same file again: every row skipped as already here. A file
//     that is not a package: the server's problem detail, nothing imported.
//  3. The review panel's Settings: the learner's settings load; an out-of-range value is refused in the browser;
//     a saved change reaches the API and reads "Saved". The settings are put back at the end.
//  4. At 390 px: the panel and the settings form fit (no horizontal scroll; controls at least 44 px tall).
//
// The source topic is seeded first through the API: offline-generated cards and a cloze and a reversed card by hand.
//
// Environment:
//   BASE_URL          required  e.g. http://127.0.0.1:8080
//   TOPIC_ID          required  a topic whose resources are ingested (cards are generated there)
//   TARGET_TOPIC_ID   required  a topic of another roadmap without cards (duplicates are found per roadmap)
//   SCREENSHOT_DIR    optional  where to write exchange-{1280,390}-*.png and settings-{1280,390}.png
//   DOWNLOAD_DIR      optional  where to keep the downloads (default: a temporary directory)
//   CHROMIUM_PATH     optional  browser executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS    optional  global time limit (default 180000)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  baseUrlFromEnv, check, checkNoPageErrors, fetchJson, launchChromium, MIN_TAP, noHorizontalScroll, normalise, openPage, PHONE,
  PHONE_CONTEXT, requireEnv, runE2E, screenshot, sendJson as send, seedCards as seed, step,
} from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const TARGET_TOPIC_ID = env.TARGET_TOPIC_ID ?? '';
const SCREENSHOT_DIR = env.SCREENSHOT_DIR ?? '';
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 180_000);
const STEP_TIMEOUT_MS = Math.min(30_000, TIMEOUT_MS);

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> TARGET_TOPIC_ID=<uuid> [SCREENSHOT_DIR=dir] node e2e/exchange.e2e.mjs',
  BASE_URL, TOPIC_ID, TARGET_TOPIC_ID,
);

const getJson = (apiPath) => fetchJson(BASE_URL, apiPath, STEP_TIMEOUT_MS);
const sendJson = (method, apiPath, body) => send(BASE_URL, method, apiPath, body);
const topicPath = (id) => `/topics/${encodeURIComponent(id)}`;
const shot = (page, name, target = page) => screenshot(SCREENSHOT_DIR && path.join(SCREENSHOT_DIR, name), target);

/** Generates offline cards for the topic and adds a cloze and a reversed card by hand; returns how many it holds. */
async function seedCards(topicId) {
  await seed(BASE_URL, topicId, 'exchange');
  return (await getJson(`/api/topics/${encodeURIComponent(topicId)}/cards`)).length;
}

/** Every visible element matching `selector` inside `scope` is at least 44 px tall and inside the viewport's width. */
async function tallEnough(scope, selector, where) {
  const boxes = await scope.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { name: (element.textContent || element.getAttribute('aria-label') || element.id).replace(/\s+/g, ' ').trim(), left: box.left, right: box.right, height: box.height };
      }),
  );
  check(boxes.length > 0, `${where}: nothing matches ${selector}`);
  for (const box of boxes) {
    check(box.height >= MIN_TAP, `${where}: "${box.name}" is ${Math.round(box.height)} px tall, under ${MIN_TAP} px`);
    check(box.left >= 0 && box.right <= PHONE.width, `${where}: "${box.name}" runs off the ${PHONE.width} px screen (${Math.round(box.left)}–${Math.round(box.right)})`);
  }
}

/** Chooses `file` in the panel's file input, presses Import cards and waits for the import's answer. */
async function importFile(page, file) {
  const panel = page.getByTestId('exchange-panel');
  await panel.getByLabel('Import', { exact: true }).setInputFiles(file);
  const answer = page.waitForResponse((response) => /\/cards\/import$/.test(new URL(response.url()).pathname));
  await panel.getByRole('button', { name: 'Import cards' }).click();
  return answer;
}

async function run() {
  const downloads = env.DOWNLOAD_DIR || (await mkdtemp(path.join(os.tmpdir(), 'groundwork-exchange-')));
  let cardCount = 0;
  await step('seed the source topic with cards', async () => {
    cardCount = await seedCards(TOPIC_ID);
    check(cardCount >= 3, `the source topic holds ${cardCount} cards after seeding`);
    const target = await getJson(`/api/topics/${encodeURIComponent(TARGET_TOPIC_ID)}/cards`);
    check(target.length === 0, `the target topic already holds ${target.length} cards`);
    console.log(`    source topic: ${cardCount} cards`);
  });

  await launchChromium();
  const page = await openPage(STEP_TIMEOUT_MS, { acceptDownloads: true });
  let apkg;

  await step('1280 px: the export links download the topic’s cards as an Anki package and as CSV', async () => {
    await page.goto(`${BASE_URL}${topicPath(TOPIC_ID)}`);
    const panel = page.getByTestId('exchange-panel');
    await panel.waitFor({ state: 'visible' });
    const apkgLink = panel.getByRole('link', { name: 'Anki package (.apkg)' });
    check((await apkgLink.getAttribute('href')) === `/api/topics/${TOPIC_ID}/cards/export?format=apkg`, `the package link is ${await apkgLink.getAttribute('href')}`);

    const [packageDownload] = await Promise.all([page.waitForEvent('download'), apkgLink.click()]);
    apkg = path.join(downloads, packageDownload.suggestedFilename());
    await packageDownload.saveAs(apkg);
    const bytes = await readFile(apkg);
    check(apkg.endsWith('.apkg'), `the package downloads as ${packageDownload.suggestedFilename()}`);
    check(bytes.length > 1000 && bytes.subarray(0, 2).toString('latin1') === 'PK', `the package is not a zip (${bytes.length} bytes)`);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'CSV for Anki' }).click()]);
    const csv = path.join(downloads, csvDownload.suggestedFilename());
    await csvDownload.saveAs(csv);
    const text = await readFile(csv, 'utf8');
    check(text.startsWith('#separator:'), `the CSV starts with ${JSON.stringify(text.slice(0, 40))}`);
    const rows = text.split('\n').filter((line) => line && !line.startsWith('#')).length;
    console.log(`    ${packageDownload.suggestedFilename()}: ${bytes.length} bytes; ${csvDownload.suggestedFilename()}: ${rows} rows`);
    await shot(page, 'exchange-1280-topic.png', panel);
  });

  await step('1280 px: the roadmap page offers its own downloads right after the review', async () => {
    const { roadmapId } = await getJson(`/api/topics/${encodeURIComponent(TOPIC_ID)}`);
    await page.goto(`${BASE_URL}/roadmaps/${encodeURIComponent(roadmapId)}`);
    const panel = page.getByTestId('exchange-panel');
    await panel.waitFor({ state: 'visible' });
    const href = await panel.getByRole('link', { name: 'Anki package (.apkg)' }).getAttribute('href');
    check(href === `/api/roadmaps/${encodeURIComponent(roadmapId)}/cards/export?format=apkg`, `the roadmap's package link is ${href}`);
    const follows = await page.evaluate(() => document.querySelector('[data-testid=review-panel]')?.nextElementSibling?.dataset.testid);
    check(follows === 'exchange-panel', `the review panel is followed by ${follows}`);
    await shot(page, 'exchange-1280-roadmap.png');
  });

  await step('the package imported into another roadmap’s topic: every card imported and listed at once', async () => {
    await page.goto(`${BASE_URL}${topicPath(TARGET_TOPIC_ID)}`);
    await page.getByTestId('flashcards-panel').getByText('No cards yet').waitFor();
    const response = await importFile(page, apkg);
    const report = await response.json();
    check(response.ok(), `the import answered ${response.status()}: ${JSON.stringify(report).slice(0, 300)}`);
    check(report.imported === cardCount && report.failed === 0, `the import reported ${JSON.stringify(report).slice(0, 300)}`);
    const panel = page.getByTestId('exchange-panel');
    await panel.getByTestId('import-report').waitFor();
    check(normalise(await panel.getByTestId('import-imported').textContent()) === String(cardCount), 'the report does not show the imported count');
    const outcome = normalise(await panel.getByTestId('import-report').getByRole('status').textContent());
    check(outcome.includes(`${cardCount} cards imported`), `the report reads "${outcome}"`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=card-list] [data-testid=card]').length === n, cardCount);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=due-count]')?.dataset.new ?? 0) > 0);
    const due = normalise(await page.getByTestId('due-count').textContent());
    console.log(`    ${outcome} — the list shows ${cardCount} cards; the review panel: ${due}`);
    await shot(page, 'exchange-1280-imported.png', panel);
  });

  await step('the same package again: every row skipped as already here', async () => {
    const response = await importFile(page, apkg);
    const report = await response.json();
    check(report.imported === 0 && report.skipped === cardCount, `the second import reported ${JSON.stringify(report).slice(0, 300)}`);
    const panel = page.getByTestId('exchange-panel');
    await panel.getByText(/already here were skipped/).waitFor();
    check(normalise(await panel.getByTestId('import-skipped').textContent()) === String(cardCount), 'the report does not show the skipped count');
    const rows = panel.getByTestId('import-rows');
    await rows.locator('summary').click();
    const listed = await rows.getByTestId('import-row').count();
    check(listed === cardCount, `${listed} skipped rows are listed, ${cardCount} expected`);
    console.log(`    skipped ${report.skipped}: "${normalise(await rows.getByTestId('import-row').first().textContent())}"`);
    await shot(page, 'exchange-1280-skipped.png', panel);
  });

  await step('a file that is not a package: the problem’s detail, nothing imported', async () => {
    const bad = path.join(downloads, 'not-a-package.apkg');
    await writeFile(bad, 'this is not a zip file');
    const response = await importFile(page, bad);
    check(response.status() === 422, `the bad file answered ${response.status()}`);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    const text = normalise(await error.textContent());
    check(text.includes('Nothing was imported'), `the error reads "${text}"`);
    const cards = await getJson(`/api/topics/${encodeURIComponent(TARGET_TOPIC_ID)}/cards`);
    check(cards.length === cardCount, `the topic holds ${cards.length} cards after the bad file`);
    console.log(`    "${text.slice(0, 160)}"`);
  });

  const original = await getJson('/api/review/settings');
  try {
    await step('the review settings load, refuse an out-of-range value and save a change', async () => {
      const review = page.getByTestId('review-panel');
      await review.getByRole('button', { name: 'Settings' }).click();
      const form = review.getByTestId('settings-form');
      await form.waitFor();
      const limit = form.getByLabel('New cards per day');
      check((await limit.inputValue()) === String(original.dailyNewLimit), `the form shows ${await limit.inputValue()} new cards a day, the API ${original.dailyNewLimit}`);
      await limit.fill('-3');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByTestId('field-error').waitFor();
      check((await limit.getAttribute('aria-invalid')) === 'true', 'the out-of-range field is not marked invalid');

      const wanted = original.dailyNewLimit === 37 ? 38 : 37;
      await limit.fill(String(wanted));
      const saved = page.waitForResponse((response) => response.url().endsWith('/api/review/settings') && response.request().method() === 'PUT');
      await form.getByRole('button', { name: 'Save settings' }).click();
      check((await saved).ok(), 'the settings were not saved');
      await form.getByText('Saved', { exact: true }).waitFor();
      const stored = await getJson('/api/review/settings');
      check(stored.dailyNewLimit === wanted, `the API holds ${stored.dailyNewLimit} new cards a day, ${wanted} was saved`);
      await shot(page, 'settings-1280.png', review);
    });
    checkNoPageErrors();

    const phone = await openPage(STEP_TIMEOUT_MS, PHONE_CONTEXT);
    await step('390 px: the panel and the settings fit the screen with tall enough controls', async () => {
      await phone.goto(`${BASE_URL}${topicPath(TARGET_TOPIC_ID)}`);
      const panel = phone.getByTestId('exchange-panel');
      await panel.waitFor();
      await importFile(phone, apkg);
      await panel.getByTestId('import-report').waitFor();
      await noHorizontalScroll(phone, 'topic page with the import report');
      await tallEnough(panel, 'a.button, button, input[type=file]', 'Anki & CSV');
      await panel.scrollIntoViewIfNeeded();
      await shot(phone, 'exchange-390.png', panel);

      const review = phone.getByTestId('review-panel');
      await review.getByRole('button', { name: 'Settings' }).tap();
      const form = review.getByTestId('settings-form');
      await form.waitFor();
      await noHorizontalScroll(phone, 'topic page with the settings open');
      await tallEnough(form, 'button, input[type=number], input[type=text], input[type=range]', 'review settings');
      await shot(phone, 'settings-390.png', review);
    });
  } finally {
    await sendJson('PUT', '/api/review/settings', original);
  }
  checkNoPageErrors();
}

runE2E(run, TIMEOUT_MS);
