#!/usr/bin/env node
// Browser end-to-end check of the chat on a topic page against a running server with ingested sources.
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded): opens the topic page, asks
// QUESTION in the chat panel, waits for the streamed answer to finish, checks it has text and at least one citation
// chip, opens the first chip's passage and checks it shows text (and a link when the source has a web URL).
// Prints what it saw: answer length, chips, mode and offline badge, notices, the source's title and URL.
//
// Environment:
//   BASE_URL        required  e.g. http://127.0.0.1:8080
//   TOPIC_ID        required  id of a topic whose resources are ingested
//   QUESTION        required  the question to ask, e.g. "What does Prometheus store?"
//   SCREENSHOT      optional  PNG path for a full-page screenshot after the passage opened
//   CHROMIUM_PATH   optional  browser executable (default /usr/bin/chromium)
//   E2E_ANSWER_TIMEOUT_MS  optional  how long the answer may take to finish (default 120000)
//   E2E_TIMEOUT_MS  optional  global time limit (default 60000 plus E2E_ANSWER_TIMEOUT_MS)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import { askInChat, baseUrlFromEnv, check, checkNoPageErrors, fetchJson, launchChromium, normalise, openPage, requireEnv, runE2E, screenshot, step } from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const QUESTION = env.QUESTION ?? '';
const ANSWER_TIMEOUT_MS = Number(env.E2E_ANSWER_TIMEOUT_MS ?? 120_000);
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 60_000 + ANSWER_TIMEOUT_MS);
const STEP_TIMEOUT_MS = Math.min(15_000, TIMEOUT_MS);

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> QUESTION="What is …?" [SCREENSHOT=chat.png] node e2e/chat.e2e.mjs',
  BASE_URL, TOPIC_ID, QUESTION.trim(),
);

/** Fails fast and readably when the server is down or the topic does not exist, before a browser starts. */
function checkTopicExists() {
  return fetchJson(BASE_URL, `/api/topics/${encodeURIComponent(TOPIC_ID)}`, STEP_TIMEOUT_MS);
}

/** What the last answer shows: its state, mode, text, chips, badge, notices, error and footer notes. */
async function answerSnapshot(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const answers = document.querySelectorAll('[data-testid=answer]');
    const answer = answers[answers.length - 1];
    if (!answer) return null;
    return {
      state: answer.dataset.state,
      mode: answer.dataset.mode ?? null,
      text: text(answer.querySelector('[data-testid=answer-text]')),
      chips: [...answer.querySelectorAll('[data-testid=citation-chip]')].map((chip) => chip.dataset.n),
      badge: answer.querySelector('[data-testid=offline-badge]')?.getAttribute('title') ?? null,
      notices: [...answer.querySelectorAll('.answer__notice')].map(text),
      error: text(answer.querySelector('[role=alert]')),
      sources: answer.querySelectorAll('[data-testid=source-list] > li').length,
      unsupported: text(answer.querySelector('[data-testid=unsupported-note] summary')),
      footer: text(answer.querySelector('.answer__footer .meta')),
    };
  });
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  let topic;
  await step(`topic ${TOPIC_ID} exists (GET /api/topics/{id})`, async () => {
    topic = await checkTopicExists();
  });

  await step('launch headless Chromium', launchChromium);
  const page = await openPage(STEP_TIMEOUT_MS);

  const panel = page.getByTestId('chat-panel');
  await step(`the topic page "${normalise(topic.title)}" shows the chat panel`, async () => {
    await page.goto(`${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`);
    await panel.waitFor({ state: 'visible' });
  });

  await step('the question is sent and the answer finishes with text and citation chips', async () => {
    const settled = await askInChat(panel, QUESTION, ANSWER_TIMEOUT_MS);
    const seen = await answerSnapshot(page);
    if (seen) {
      console.log(`    state ${seen.state}, mode ${seen.mode}, ${seen.text.length} characters, ${seen.chips.length} citation chips [${seen.chips.join(', ')}], ${seen.sources} sources`);
      console.log(`    offline badge: ${seen.badge ? `yes ("${seen.badge}")` : 'no'}`);
      for (const notice of seen.notices) console.log(`    notice: ${notice}`);
      if (seen.footer) console.log(`    ${seen.footer}${seen.unsupported ? ` · ${seen.unsupported}` : ''}`);
      console.log(`    answer starts: ${JSON.stringify(seen.text.slice(0, 160))}`);
    }
    check(settled, `the answer did not finish within ${ANSWER_TIMEOUT_MS / 1000} s (state ${seen?.state ?? 'none'})`);
    check(seen.state === 'done', `the answer ended ${seen.state}${seen.error ? `: ${seen.error}` : ''}`);
    check(seen.text.length > 0, 'the finished answer has no text');
    check((seen.mode === 'extractive') === Boolean(seen.badge), `mode ${seen.mode} but offline badge ${seen.badge ? 'shown' : 'missing'}`);
    check(seen.chips.length > 0, 'the answer has no citation chip');
  });

  await step('the first citation chip opens its passage', async () => {
    const chip = panel.getByTestId('answer').last().getByTestId('citation-chip').first();
    const n = await chip.getAttribute('data-n');
    await chip.click();
    const source = panel.getByTestId('source-panel');
    await source.waitFor({ state: 'visible' });
    const title = normalise(await source.getByRole('heading').textContent());
    const passage = normalise(await source.getByTestId('source-text').textContent());
    const links = source.getByRole('link');
    const url = (await links.count()) > 0 ? await links.first().getAttribute('href') : null;
    // the sources list under the answer links the same source exactly when it has a web URL
    const listed = panel.getByTestId('answer').last().locator(`[data-testid=source-list] > li[data-n="${n}"]`);
    const listedUrl = (await listed.getByRole('link').count()) > 0 ? await listed.getByRole('link').first().getAttribute('href') : null;
    console.log(`    source ${title}`);
    console.log(`    url ${url ?? '(none: not a web source)'}`);
    console.log(`    passage ${passage.length} characters: ${JSON.stringify(passage.slice(0, 160))}`);
    check(passage.length > 0, `the passage of source ${n} is empty`);
    check(url === listedUrl, `source ${n} links ${url} in its panel but ${listedUrl} in the sources list`);
    check(url === null || /^https?:\/\//.test(url), `source ${n} links a non-web URL ${url}`);
    await screenshot(env.SCREENSHOT, page, { fullPage: true });
  });

  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
