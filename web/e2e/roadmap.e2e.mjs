#!/usr/bin/env node
// Browser end-to-end check of the Groundwork web shell against a running server.
//
// Imports a roadmap through the HTTP API, then drives headless Chromium (playwright-core, system browser,
// nothing downloaded): the roadmap is listed on `/`, its page shows the topic tree, "Expand all" reveals
// every expected topic title, a topic page opens with its breadcrumb, and a deep link loads directly.
// Optionally imports a second file through the upload form.
//
// Environment:
//   BASE_URL        required  e.g. http://127.0.0.1:8080
//   ROADMAP_FILE    required  roadmap file to import, e.g. ../roadmaps/000_72930f71c79b6e62.txt
//   EXPECT_TITLES   optional  `|`-separated topic titles that must be visible in the expanded tree
//                             (a title matches when a tree title equals or contains it, whitespace-normalised)
//   UPLOAD_FILE     optional  a second roadmap file to import through the UI's upload form
//   SCREENSHOT      optional  PNG path for a full-page screenshot of the expanded roadmap page
//   CHROMIUM_PATH   optional  browser executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS  optional  global time limit (default 60000, plus E2E_INGESTION_TIMEOUT_MS with EXPECT_INGESTION=1)
//   EXPECT_INGESTION          optional  `1`: on the roadmap page, wait for the ingestion panel to read "finished" and
//                             list at least one resource row, and print what it shows
//   E2E_INGESTION_TIMEOUT_MS  optional  how long to wait for ingestion to finish (default 90000)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { baseUrlFromEnv, check, CheckFailed, checkNoPageErrors, fetchOrFail, launchChromium, normalise, openPage, requireEnv, runE2E, screenshot, step } from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const ROADMAP_FILE = env.ROADMAP_FILE ?? '';
const EXPECT_TITLES = (env.EXPECT_TITLES ?? '')
  .split('|')
  .map(normalise)
  .filter(Boolean);
const EXPECT_INGESTION = env.EXPECT_INGESTION === '1';
const INGESTION_TIMEOUT_MS = Number(env.E2E_INGESTION_TIMEOUT_MS ?? 90_000);
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? (EXPECT_INGESTION ? 60_000 + INGESTION_TIMEOUT_MS : 60_000));
const STEP_TIMEOUT_MS = Math.min(15_000, TIMEOUT_MS);

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 ROADMAP_FILE=path/to/roadmap.md [EXPECT_TITLES="A|B"] node e2e/roadmap.e2e.mjs',
  BASE_URL, ROADMAP_FILE,
);
for (const [name, file] of [['ROADMAP_FILE', ROADMAP_FILE], ['UPLOAD_FILE', env.UPLOAD_FILE]]) {
  if (file && !existsSync(file)) {
    console.error(`E2E FAILED: ${name} ${file} does not exist`);
    process.exit(2);
  }
}

async function importThroughApi(file) {
  const body = await readFile(file);
  const response = await fetchOrFail(BASE_URL, '/api/roadmaps', {
    method: 'POST',
    headers: { 'Content-Type': 'text/markdown', Accept: 'application/json, application/problem+json' },
    body,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  const text = await response.text();
  // 201 for a new roadmap, 200 when a roadmap with that title existed and was updated
  check(response.status === 201 || response.status === 200,
    `POST /api/roadmaps answered ${response.status}, expected 201 or 200: ${text.slice(0, 500)}`);
  const roadmap = JSON.parse(text);
  check(typeof roadmap.id === 'string' && roadmap.id, `POST /api/roadmaps returned no id: ${text.slice(0, 300)}`);
  return roadmap;
}

/** Titles of the tree's topics that are rendered and visible. */
async function visibleTopicTitles(page) {
  return page.locator('[data-testid=topic-title]').evaluateAll((elements) =>
    elements
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

async function waitForRoadmapPage(page, expectedTitle) {
  const heading = page.getByTestId('roadmap-title');
  await heading.waitFor({ state: 'visible' });
  const shown = normalise(await heading.textContent());
  if (expectedTitle) check(shown === normalise(expectedTitle), `roadmap title shows "${shown}", expected "${expectedTitle}"`);
  await page.getByTestId('topic-node').first().waitFor({ state: 'visible' });
  return shown;
}

async function expandAll(page) {
  const toggle = page.getByTestId('toggle-all');
  if ((await toggle.count()) === 0) return; // nothing to expand
  if (normalise(await toggle.textContent()) === 'Expand all') await toggle.click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=toggle-all]')?.textContent?.trim() === 'Collapse all',
  );
}

/** What the ingestion panel shows: its state label, progress, counts by state and resource rows by state. */
async function ingestionSnapshot(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const progress = document.querySelector('[data-testid=ingestion-progress]');
    const rows = [...document.querySelectorAll('[data-testid=resource-row]')];
    const rowsByState = {};
    for (const row of rows) rowsByState[row.dataset.state] = (rowsByState[row.dataset.state] ?? 0) + 1;
    return {
      state: text(document.querySelector('[data-testid=ingestion-state]')),
      progress: progress ? `${progress.getAttribute('aria-valuenow')}/${progress.getAttribute('aria-valuemax')}` : null,
      counts: [...document.querySelectorAll('[data-testid=ingestion-count]')].map(
        (el) => `${el.dataset.state}=${text(el.querySelector('.ingestion__count-value'))}`,
      ),
      chunks: text(document.querySelector('[data-testid=ingestion-chunks]')),
      rows: rows.length,
      rowsByState,
      failed: rows
        .filter((row) => row.dataset.state === 'failed')
        .slice(0, 5)
        .map((row) => text(row.querySelector('td')) + ': ' + text(row.querySelector('.ingestion-table__reason'))),
      error: text(document.querySelector('[data-testid=ingestion-panel] [role=alert]')),
    };
  });
}

function describeIngestion(seen) {
  return [
    `state "${seen.state}", progress ${seen.progress}, ${seen.rows} resource rows ${JSON.stringify(seen.rowsByState)}`,
    `counts ${seen.counts.join(' ')}; ${seen.chunks}`,
    ...seen.failed.map((line) => `failed: ${line.replace(' (opens in a new tab)', '')}`),
    ...(seen.error ? [`error: ${seen.error}`] : []),
  ]
    .map((line) => `    ${line}`)
    .join('\n');
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  let roadmap;
  await step(`import ${path.basename(ROADMAP_FILE)} through POST /api/roadmaps`, async () => {
    roadmap = await importThroughApi(ROADMAP_FILE);
  });

  await step('launch headless Chromium', launchChromium);
  const page = await openPage(STEP_TIMEOUT_MS);

  const roadmapPath = `/roadmaps/${encodeURIComponent(roadmap.id)}`;

  await step('the roadmap is listed on / and opens its page', async () => {
    await page.goto(`${BASE_URL}/`);
    const card = page.locator(`[data-testid=roadmap-card][data-roadmap-id=${JSON.stringify(roadmap.id)}]`);
    await card.waitFor({ state: 'visible' });
    await card.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === roadmapPath);
    await waitForRoadmapPage(page, roadmap.title);
  });

  if (EXPECT_INGESTION) {
    await step('the ingestion panel reaches "finished" and lists resources', async () => {
      await page.getByTestId('ingestion-panel').waitFor({ state: 'visible' });
      const finished = await page
        .waitForFunction(
          () =>
            document.querySelector('[data-testid=ingestion-state]')?.textContent?.trim() === 'finished' &&
            document.querySelectorAll('[data-testid=resource-row]').length > 0,
          null,
          { timeout: INGESTION_TIMEOUT_MS, polling: 500 },
        )
        .then(() => true, () => false);
      const seen = await ingestionSnapshot(page);
      console.log(describeIngestion(seen));
      check(finished, `ingestion did not show "finished" with at least one resource row within ${INGESTION_TIMEOUT_MS / 1000} s`);
    });
  }

  await step('expand all shows every expected topic title', async () => {
    await expandAll(page);
    const titles = await visibleTopicTitles(page);
    check(titles.length > 0, 'the topic tree shows no topics');
    const kinds = await page.getByTestId('topic-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    check(kinds.every(Boolean), 'a topic node has no data-kind');
    const missing = EXPECT_TITLES.filter((expected) => !titles.some((title) => title === expected || title.includes(expected)));
    check(
      missing.length === 0,
      `missing topic titles: ${missing.map((t) => JSON.stringify(t)).join(', ')}\n    visible titles (${titles.length}): ${titles
        .slice(0, 80)
        .map((t) => JSON.stringify(t))
        .join(', ')}`,
    );
    if (EXPECT_TITLES.length === 0) console.log('    (EXPECT_TITLES not set: only checked that topics render)');
    await screenshot(env.SCREENSHOT, page, { fullPage: true });
  });

  await step('a topic title opens the topic page with its breadcrumb', async () => {
    const wanted = EXPECT_TITLES[0];
    const links = page.getByTestId('topic-title');
    const link = wanted ? links.filter({ hasText: wanted }).first() : links.first();
    const title = normalise(await link.textContent());
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith('/topics/'));
    const heading = page.getByTestId('topic-page-title');
    await heading.waitFor({ state: 'visible' });
    check(normalise(await heading.textContent()) === title, `topic page shows "${await heading.textContent()}", expected "${title}"`);
    const crumbs = normalise(await page.getByTestId('breadcrumb').textContent());
    check(crumbs.includes(normalise(roadmap.title)), `breadcrumb "${crumbs}" does not name the roadmap`);
  });

  await step(`a deep link to ${roadmapPath} loads the roadmap page`, async () => {
    const response = await page.goto(`${BASE_URL}${roadmapPath}`);
    check(response && response.ok(), `GET ${roadmapPath} answered ${response?.status()}`);
    await waitForRoadmapPage(page, roadmap.title);
  });

  if (env.UPLOAD_FILE) {
    await step(`import ${path.basename(env.UPLOAD_FILE)} through the upload form`, async () => {
      await page.goto(`${BASE_URL}/`);
      const form = page.getByTestId('upload-form');
      await form.locator('input[type=file]').setInputFiles(env.UPLOAD_FILE);
      await form.getByRole('button', { name: 'Import roadmap' }).click();
      const outcome = await Promise.race([
        page.waitForURL((url) => url.pathname.startsWith('/roadmaps/')).then(() => 'opened'),
        page.getByTestId('upload-error').waitFor({ state: 'visible' }).then(() => 'error'),
      ]);
      if (outcome === 'error') {
        throw new CheckFailed(`the upload form showed an error: ${normalise(await page.getByTestId('upload-error').textContent())}`);
      }
      const title = await waitForRoadmapPage(page);
      check(title.length > 0, 'the uploaded roadmap has an empty title');
      console.log(`    opened "${title}"`);
    });
  }

  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
