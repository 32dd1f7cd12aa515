#!/usr/bin/env node
// Browser end-to-end check of the flashcards on a topic page against a running server with ingested sources.
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded): opens the topic page, clicks
// Generate in the flashcards panel and waits for the stream to finish with at least one card in the list, edits a
// card's back in place and saves it, reloads the page and checks the edit persisted (in the page and through the
// API), then opens a card's source passage from its chip and checks the passage shows the card's quote highlighted.
// Prints what it saw: added and skipped counts, skip reasons, mode, notices, the edited card, the source.
//
// Environment:
//   BASE_URL        required  e.g. http://127.0.0.1:8080
//   TOPIC_ID        required  id of a topic whose resources are ingested
//   CARD_COUNT      optional  how many cards to ask for (default 5)
//   SCREENSHOT      optional  PNG path for a full-page screenshot after the passage opened
//   CHROMIUM_PATH   optional  browser executable (default /usr/bin/chromium)
//   E2E_GENERATE_TIMEOUT_MS  optional  how long generation may take to finish (default 120000)
//   E2E_TIMEOUT_MS  optional  global time limit (default 60000 plus E2E_GENERATE_TIMEOUT_MS)
//
// Run it twice against one database and the second run's candidates may all be duplicates: that passes when the
// topic already had cards. Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage.
// Ends with "e2e: N passed, N failed".

import { baseUrlFromEnv, check, checkNoPageErrors, fetchJson, launchChromium, normalise, openPage, requireEnv, runE2E, screenshot, step } from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const CARD_COUNT = Number(env.CARD_COUNT ?? 5);
const GENERATE_TIMEOUT_MS = Number(env.E2E_GENERATE_TIMEOUT_MS ?? 120_000);
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 60_000 + GENERATE_TIMEOUT_MS);
const STEP_TIMEOUT_MS = Math.min(15_000, TIMEOUT_MS);

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> [CARD_COUNT=5] [SCREENSHOT=cards.png] node e2e/cards.e2e.mjs',
  BASE_URL, TOPIC_ID, Number.isInteger(CARD_COUNT) && CARD_COUNT >= 1 && CARD_COUNT <= 50,
);

/** GET an API path as JSON; a non-2xx answer fails the check. */
function getJson(path) {
  return fetchJson(BASE_URL, path, STEP_TIMEOUT_MS);
}

const cardSelector = (id) => `[data-testid=card][data-card-id="${id}"]`;

/** The flashcards panel once its list has loaded: the cards shown, or a failure naming the panel's error. */
async function loadedCards(page) {
  await page.waitForFunction(
    () => {
      const panel = document.querySelector('[data-testid=flashcards-panel]');
      return panel && panel.querySelector('[data-testid=card-list], .status--empty, .status--error');
    },
    null,
    { timeout: STEP_TIMEOUT_MS, polling: 100 },
  );
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=flashcards-panel]');
    return {
      error: panel.querySelector('.status--error')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
      ids: [...panel.querySelectorAll('[data-testid=card]')].map((card) => card.dataset.cardId),
    };
  });
}

/** What the generation progress shows: state, counts, the live line, skip summary, notices, how it ended, errors. */
async function generationSnapshot(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const progress = document.querySelector('[data-testid=generation-progress]');
    return {
      state: progress?.dataset.state ?? null,
      accepted: Number(progress?.dataset.accepted ?? 0),
      skipped: Number(progress?.dataset.skipped ?? 0),
      line: text(progress?.querySelector('[data-testid=generation-count]')),
      skips: text(progress?.querySelector('[data-testid=generation-skipped] summary')),
      notices: [...(progress?.querySelectorAll('[data-testid=generation-notice]') ?? [])].map(text),
      done: text(progress?.querySelector('[data-testid=generation-done]')),
      mode: progress?.querySelector('[data-testid=generation-done]')?.dataset.mode ?? null,
      error: text(progress?.querySelector('[role=alert]')),
    };
  });
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  let topic;
  await step(`topic ${TOPIC_ID} exists (GET /api/topics/{id})`, async () => {
    topic = await getJson(`/api/topics/${encodeURIComponent(TOPIC_ID)}`);
  });

  await step('launch headless Chromium', launchChromium);
  const page = await openPage(STEP_TIMEOUT_MS);
  const topicUrl = `${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`;
  const panel = page.getByTestId('flashcards-panel');

  let before;
  await step(`the topic page "${normalise(topic.title)}" shows the flashcards panel`, async () => {
    await page.goto(topicUrl);
    await panel.waitFor({ state: 'visible' });
    before = await loadedCards(page);
    check(!before.error, `the card list did not load: ${before.error}`);
    console.log(`    ${before.ids.length} cards before generating`);
  });

  let cardIds;
  await step(`Generate streams cards into the list (count ${CARD_COUNT})`, async () => {
    await panel.getByTestId('generate-count').fill(String(CARD_COUNT));
    await panel.getByTestId('generate-button').click();
    await panel.getByTestId('generation-progress').waitFor({ state: 'visible' });
    const settled = await page
      .waitForFunction(
        () => ['done', 'failed', 'stopped'].includes(document.querySelector('[data-testid=generation-progress]')?.dataset.state ?? ''),
        null,
        { timeout: GENERATE_TIMEOUT_MS, polling: 250 },
      )
      .then(() => true, () => false);
    const seen = await generationSnapshot(page);
    console.log(`    state ${seen.state}: ${seen.line}`);
    if (seen.skips) console.log(`    ${seen.skips}`);
    for (const notice of seen.notices) console.log(`    notice: ${notice}`);
    if (seen.done) console.log(`    ${seen.done} (mode ${seen.mode})`);
    check(settled, `generation did not finish within ${GENERATE_TIMEOUT_MS / 1000} s (state ${seen.state})`);
    check(seen.state === 'done', `generation ended ${seen.state}${seen.error ? `: ${seen.error}` : ''}`);
    cardIds = (await loadedCards(page)).ids;
    check(
      seen.accepted > 0 || (before.ids.length > 0 && seen.skipped > 0),
      `generation added no card (${seen.skipped} skipped) and the topic had none before`,
    );
    check(cardIds.length >= Math.max(1, before.ids.length + seen.accepted), `the list shows ${cardIds.length} cards after ${seen.accepted} were added to ${before.ids.length}`);
    const fresh = cardIds.filter((id) => !before.ids.includes(id));
    check(fresh.length === seen.accepted, `${seen.accepted} cards were added but ${fresh.length} new cards are listed`);
    console.log(`    ${cardIds.length} cards listed, ${fresh.length} new`);
  });

  const edited = { id: null, back: `Edited in the browser at ${new Date().toISOString()}` };
  await step('a card’s back is edited in place and saved', async () => {
    edited.id = cardIds[0];
    const card = page.locator(cardSelector(edited.id));
    const type = await card.getAttribute('data-type');
    await card.getByTestId('card-edit').click();
    await card.getByTestId('card-field-back').fill(edited.back);
    await card.getByTestId('card-save').click();
    await card.getByTestId('card-back').filter({ hasText: edited.back }).waitFor({ state: 'visible' });
    await card.getByTestId('card-edited').waitFor({ state: 'visible' });
    console.log(`    card ${edited.id} (${type}) now has back ${JSON.stringify(edited.back)}`);
  });

  await step('after a reload the edit is still there', async () => {
    await page.reload();
    await panel.waitFor({ state: 'visible' });
    const card = page.locator(cardSelector(edited.id));
    await card.waitFor({ state: 'visible' });
    const back = normalise(await card.getByTestId('card-back').textContent());
    check(back === edited.back, `after the reload the back reads ${JSON.stringify(back)}`);
    check((await card.getByTestId('card-edited').count()) === 1, 'after the reload the card has no "edited" marker');
    const stored = await getJson(`/api/cards/${encodeURIComponent(edited.id)}`);
    check(stored.back === edited.back && stored.edited === true, `GET /api/cards/{id} has back ${JSON.stringify(stored.back)}, edited ${stored.edited}`);
    console.log('    edit persisted after reload');
  });

  await step('a card’s source chip opens its passage with the quote highlighted', async () => {
    const withChip = page.locator('[data-testid=card]:has([data-testid=card-source-chip])').first();
    check((await withChip.count()) === 1, 'no card has a source chip');
    const id = await withChip.getAttribute('data-card-id');
    const chip = withChip.getByTestId('card-source-chip');
    const chipText = normalise(await chip.textContent());
    await chip.click();
    const source = withChip.getByTestId('source-panel');
    await source.waitFor({ state: 'visible' });
    const expected = await getJson(`/api/cards/${encodeURIComponent(id)}/source`);
    const passage = normalise(await source.getByTestId('source-text').textContent());
    const quote = source.getByTestId('source-quote');
    const shown = (await quote.count()) > 0 ? normalise(await quote.textContent()) : null;
    const links = source.getByRole('link');
    const url = (await links.count()) > 0 ? await links.first().getAttribute('href') : null;
    console.log(`    card ${id}: ${chipText}`);
    console.log(`    url ${url ?? '(none: not a web source)'}`);
    console.log(`    passage ${passage.length} characters; quote ${JSON.stringify((shown ?? '').slice(0, 160))}`);
    check(passage.length > 0, 'the passage is empty');
    check(shown !== null, `the passage does not highlight the card's quote ${JSON.stringify(expected.quote)} (quoteStart ${expected.quoteStart})`);
    check(shown === normalise(expected.quote), `the highlighted quote ${JSON.stringify(shown)} is not the card's quote ${JSON.stringify(expected.quote)}`);
    check(url === null || /^https?:\/\//.test(url), `the passage links a non-web URL ${url}`);
    await screenshot(env.SCREENSHOT, page, { fullPage: true });
  });

  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
