#!/usr/bin/env node
// Browser end-to-end check of the review screen against a running server with ingested sources.
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded) through two whole study sessions:
//
//  1. At 1280 px, by keyboard alone, on a topic (`/topics/{TOPIC_ID}/study`): the front shows, Space shows the back,
//     the grade buttons show the intervals the API gives, 3 grades (the grade is stored), Z undoes it (the card comes
//     back), O opens a card's source passage with its quote highlighted and Escape closes it, a cloze card hides its
//     deletion until the back shows, and grading every card reaches the finished screen with the session's counts
//     and when the next card is due; the topic page then shows what is due, the stats and a Study button.
//  2. At 390 px (a phone, touch), by tapping, on a roadmap (`/roadmaps/{PHONE_ROADMAP_ID}/study`): tap targets at
//     least 44 px and on screen, no horizontal scroll, Show answer, a grade, Undo, Source, and the finished screen.
//
// Each scope is seeded first through the API: cards generated from its sources (offline mode gives extractive cards
// with source passages) and a cloze and a reversed card written by hand. The learner's daily new-card limit is
// raised for the run (other tests may have studied new cards today) and put back at the end.
//
// Environment:
//   BASE_URL          required  e.g. http://127.0.0.1:8080
//   TOPIC_ID          required  a topic whose resources are ingested (keyboard session)
//   PHONE_ROADMAP_ID  required  another roadmap with ingested resources (phone session); cards are checked for
//                               duplicates per roadmap, so it must not be TOPIC_ID's roadmap
//   SCREENSHOT_DIR    optional  where to write review-{1280,390}-{front,back,finished}.png, review-1280-source.png
//                               and review-1280-topic.png
//   CHROMIUM_PATH     optional  browser executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS    optional  global time limit (default 180000)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import path from 'node:path';
import {
  baseUrlFromEnv, check, checkNoPageErrors, fetchJson, launchChromium, MIN_TAP, noHorizontalScroll, normalise, openPage, PHONE,
  PHONE_CONTEXT, requireEnv, runE2E, screenshot, sendJson as send, seedCards as seed, step,
} from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const PHONE_ROADMAP_ID = env.PHONE_ROADMAP_ID ?? '';
const SCREENSHOT_DIR = env.SCREENSHOT_DIR ?? '';
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 180_000);
const STEP_TIMEOUT_MS = Math.min(20_000, TIMEOUT_MS);
const MAX_CARDS = 40;

requireEnv(
  'BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> PHONE_ROADMAP_ID=<uuid> [SCREENSHOT_DIR=dir] node e2e/review.e2e.mjs',
  BASE_URL, TOPIC_ID, PHONE_ROADMAP_ID,
);

const getJson = (apiPath) => fetchJson(BASE_URL, apiPath, STEP_TIMEOUT_MS);
const sendJson = (method, apiPath, body) => send(BASE_URL, method, apiPath, body);

async function seedCards(topicId, label) {
  const summary = await seed(BASE_URL, topicId, label);
  console.log(`    ${label}: generated ${summary.accepted} (${summary.skipped} skipped, mode ${summary.mode}), added a cloze and a reversed card`);
}

const queuePath = (scope) => `/api/reviews/queue?${scope.kind === 'roadmap' ? 'roadmapId' : 'topicId'}=${encodeURIComponent(scope.id)}`;
const studyPath = (scope) => `/${scope.kind === 'roadmap' ? 'roadmaps' : 'topics'}/${encodeURIComponent(scope.id)}/study`;

/** The card on screen: its item, type, whether the back shows and whether it has a source; null when none shows. */
function onScreen(page) {
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid=review-card]');
    if (!card) return null;
    return {
      key: `${card.dataset.cardId}#${card.dataset.ordinal}`,
      id: card.dataset.cardId,
      ordinal: Number(card.dataset.ordinal),
      type: card.dataset.type,
      revealed: card.dataset.revealed === 'true',
      hasSource: card.dataset.hasSource === 'true',
      front: (card.querySelector('[data-testid=review-front]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Waits until another card than `key` shows its front, or the finished screen shows; returns the card or null. */
async function nextCard(page, key) {
  await page.waitForFunction(
    (previous) => {
      if (document.querySelector('[data-testid=review-finished]')) return true;
      const card = document.querySelector('[data-testid=review-card]');
      return card && `${card.dataset.cardId}#${card.dataset.ordinal}` !== previous && card.dataset.revealed === 'false';
    },
    key,
    { timeout: STEP_TIMEOUT_MS, polling: 50 },
  );
  return onScreen(page);
}

function gradeResponse(page) {
  return page.waitForResponse((response) => /\/api\/cards\/[^/]+\/reviews$/.test(new URL(response.url()).pathname) && response.request().method() === 'POST');
}

const shot = (page, name, fullPage = true) => screenshot(SCREENSHOT_DIR && path.join(SCREENSHOT_DIR, name), page, { fullPage });

/** Every element matching `selector` is at least 44×44 px and inside the viewport. */
async function bigTapTargets(page, selector, where) {
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { name: element.textContent.replace(/\s+/g, ' ').trim(), top: box.top, bottom: box.bottom, left: box.left, right: box.right, width: box.width, height: box.height };
    }),
  );
  check(boxes.length > 0, `${where}: nothing matches ${selector}`);
  for (const box of boxes) {
    check(box.width >= MIN_TAP && box.height >= MIN_TAP, `${where}: "${box.name}" is ${Math.round(box.width)}×${Math.round(box.height)} px, under ${MIN_TAP} px`);
    check(box.top >= 0 && box.bottom <= PHONE.height && box.left >= 0 && box.right <= PHONE.width, `${where}: "${box.name}" is not inside the ${PHONE.width}×${PHONE.height} screen (${JSON.stringify(box)})`);
  }
}

/** The source panel of the card on screen shows the API's passage with the card's quote highlighted. */
async function checkSource(page, cardId) {
  const panel = page.getByTestId('source-panel');
  await panel.waitFor({ state: 'visible' });
  const expected = await getJson(`/api/cards/${encodeURIComponent(cardId)}/source`);
  const quote = panel.getByTestId('source-quote');
  const shown = (await quote.count()) > 0 ? normalise(await quote.textContent()) : null;
  const passage = normalise(await panel.getByTestId('source-text').textContent());
  console.log(`    source of ${cardId}: ${normalise(expected.title)}; ${passage.length} characters; quote ${JSON.stringify((shown ?? '').slice(0, 100))}`);
  check(passage.length > 0, 'the source passage is empty');
  check(shown === normalise(expected.quote), `the highlighted quote ${JSON.stringify(shown)} is not the card's quote ${JSON.stringify(expected.quote)}`);
}

async function keyboardSession(scope) {
  const page = await openPage(STEP_TIMEOUT_MS);
  let queue;
  let first;
  await step('1280 px: the study screen shows the first card’s front and what is left', async () => {
    queue = await getJson(queuePath(scope));
    check(queue.items.length >= 3, `the queue has ${queue.items.length} items after seeding`);
    check(queue.items.some((item) => item.card.anchor), 'no due card has a source passage');
    await page.goto(`${BASE_URL}${studyPath(scope)}`);
    await page.getByTestId('review-card').waitFor({ state: 'visible' });
    first = await onScreen(page);
    const expected = queue.items[0];
    check(first.key === `${expected.card.id}#${expected.item.ordinal}`, `the screen shows ${first.key}, the queue starts with ${expected.card.id}#${expected.item.ordinal}`);
    check(!first.revealed && (await page.getByTestId('review-back').count()) === 0, 'the back shows before Space');
    const left = normalise(await page.getByTestId('review-left').textContent());
    const { counts } = queue;
    check(left === `Left: ${counts.new} new · ${counts.learning} learning · ${counts.review} to review`, `the counter reads "${left}", the API counts ${JSON.stringify(counts)}`);
    console.log(`    ${queue.items.length} items due; first ${first.type} card: ${JSON.stringify(first.front.slice(0, 80))}; ${left}`);
    await shot(page, 'review-1280-front.png');
  });

  await step('Space shows the back; the grade buttons show the API’s intervals', async () => {
    await page.keyboard.press('Space');
    await page.getByTestId('grade-bar').waitFor({ state: 'visible' });
    const labels = (await page.getByTestId('grade-interval').allTextContents()).map(normalise);
    const { intervals } = queue.items[0];
    const expected = ['again', 'hard', 'good', 'easy'].map((rating) => intervals[rating].label);
    check(JSON.stringify(labels) === JSON.stringify(expected), `the buttons show ${labels.join(' ')}, the API gives ${expected.join(' ')}`);
    console.log(`    intervals: ${labels.join(' · ')}`);
    await shot(page, 'review-1280-back.png');
  });

  let graded;
  await step('3 grades the card Good (stored) and the next card shows', async () => {
    const answer = gradeResponse(page);
    await page.keyboard.press('3');
    const response = await answer;
    const body = await response.json();
    check(response.ok() && body.rating === 'good', `the grade answered ${response.status()}: ${JSON.stringify(body).slice(0, 200)}`);
    graded = body;
    const next = await nextCard(page, first.key);
    console.log(`    review ${body.reviewId}: ${body.schedule.state}, due ${body.schedule.due}; next: ${next ? next.key : 'finished'}`);
  });

  await step('Z undoes the grade: the card comes back, front first', async () => {
    const answer = page.waitForResponse((response) => response.url().endsWith(`/api/reviews/${graded.reviewId}`) && response.request().method() === 'DELETE');
    await page.keyboard.press('z');
    const response = await answer;
    check(response.ok(), `DELETE /api/reviews/{id} answered ${response.status()}`);
    await page.waitForFunction((key) => {
      const card = document.querySelector('[data-testid=review-card]');
      return card && `${card.dataset.cardId}#${card.dataset.ordinal}` === key && card.dataset.revealed === 'false';
    }, first.key);
    const restored = (await response.json()).schedule;
    check(restored.state === queue.items[0].schedule.state, `the undone card is ${restored.state}, it was ${queue.items[0].schedule.state}`);
    console.log(`    ${first.key} is back (${restored.state})`);
  });

  const session = { grades: 1, undone: 1, sourceSeen: false, clozeSeen: false, cards: 0 };
  await step('by keyboard to the end: Space, O for a source (Escape closes it), cloze hidden then shown, 1–4', async () => {
    let card = await onScreen(page);
    const seen = new Set();
    while (card && session.cards < MAX_CARDS) {
      session.cards += 1;
      if (card.type === 'cloze') {
        check((await page.getByTestId('cloze-blank').count()) === 1, `cloze ${card.key} does not hide its deletion before Space: ${card.front}`);
      }
      await page.keyboard.press('Space');
      await page.getByTestId('grade-bar').waitFor({ state: 'visible' });
      if (card.type === 'cloze') {
        const shown = await page.getByTestId('review-front').getByTestId('cloze-answer').count();
        check(shown === 1 && (await page.getByTestId('cloze-blank').count()) === 0, `cloze ${card.key} does not reveal its deletion after Space`);
        if (!session.clozeSeen) console.log(`    cloze ${card.key}: "${card.front}" → "${normalise(await page.getByTestId('review-front').textContent())}"`);
        session.clozeSeen = true;
      }
      if (card.hasSource && !session.sourceSeen) {
        await page.keyboard.press('o');
        await checkSource(page, card.id);
        await shot(page, 'review-1280-source.png');
        await page.keyboard.press('Escape');
        await page.getByTestId('source-panel').waitFor({ state: 'detached' });
        const focused = await page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
        check(focused === 'review-card', `after Escape focus is on ${focused}, not the card`);
        session.sourceSeen = true;
      }
      // a card's first time: Good for the undone card, else Hard, Good or Easy in turn; learning cards come back
      // early when nothing else is left (learn-ahead), and a card seen before gets Easy, so the session ends
      const key = seen.has(card.key) ? '4' : card.key === first.key ? '3' : String(2 + (session.cards % 3));
      seen.add(card.key);
      const answer = gradeResponse(page);
      await page.keyboard.press(key);
      check((await answer).ok(), `grading ${card.key} failed`);
      session.grades += 1;
      card = await nextCard(page, card.key);
    }
    check(!card, `still studying after ${MAX_CARDS} cards`);
    check(session.sourceSeen, 'no card with a source passage came up');
    check(session.clozeSeen, 'no cloze card came up');
    console.log(`    ${session.cards} cards studied (${seen.size} items; learning ones came back), ${session.grades} grades, ${session.undone} undone`);
  });

  await step('the finished screen shows the session’s grades and when the next card is due', async () => {
    const finished = page.getByTestId('review-finished');
    await finished.waitFor({ state: 'visible' });
    const tally = await page.getByTestId('session-tally').locator('li').evaluateAll((items) =>
      items.map((item) => [item.dataset.rating, Number(item.querySelector('.session-tally__n').textContent)]),
    );
    const total = tally.reduce((sum, [, n]) => sum + n, 0);
    const next = normalise(await page.getByTestId('next-due').textContent());
    console.log(`    ${tally.map(([rating, n]) => `${n} ${rating}`).join(', ')}; ${next}`);
    check(total === session.grades - session.undone, `the tally counts ${total} grades, the session made ${session.grades - session.undone}`);
    check(/^Next card due (in .+|tomorrow)\.$/.test(next), `the finished screen does not say when the next card is due: "${next}"`);
    await noHorizontalScroll(page, '1280 px finished');
    await shot(page, 'review-1280-finished.png');
  });

  await step('the topic page shows what is due, the stats of the session and a Study button', async () => {
    const topic = await getJson(`/api/topics/${encodeURIComponent(scope.id)}`);
    const counts = await getJson(`/api/roadmaps/${encodeURIComponent(topic.roadmapId)}/review-counts`);
    const stats = await getJson(`/api/topics/${encodeURIComponent(scope.id)}/review-stats`);
    await page.getByTestId('review-back-link').click();
    await page.getByTestId('review-stats').waitFor({ state: 'visible' });
    const due = counts.topics[scope.id] ?? { due: 0, new: 0 };
    const badge = normalise(await page.getByTestId('due-count').textContent());
    const expected = due.due === 0 && due.new === 0 ? 'Nothing due' : `${due.due} due · ${due.new} new`;
    check(badge === expected, `the topic page says "${badge}", review-counts gives ${JSON.stringify(due)}`);
    const reviewsToday = Number(normalise(await page.getByTestId('stat-reviews-today').textContent()));
    check(reviewsToday === stats.reviewsToday && reviewsToday >= session.grades - session.undone, `reviews today shows ${reviewsToday}; the API says ${stats.reviewsToday}, the session made ${session.grades - session.undone}`);
    check((await page.getByTestId('forecast-chart').locator('rect').count()) === stats.forecast.length, 'the forecast chart does not have a bar per day');
    console.log(`    topic page: ${badge}; reviews today ${reviewsToday}; retention ${normalise(await page.getByTestId('stat-retention').textContent())}`);
    await shot(page, 'review-1280-topic.png');
    await page.getByTestId('study-link').click();
    await page.getByTestId('review-screen').waitFor({ state: 'visible' });
    check(new URL(page.url()).pathname === studyPath(scope), `Study went to ${page.url()}`);
  });
  await page.context().close();
}

async function phoneSession(scope) {
  const page = await openPage(STEP_TIMEOUT_MS, PHONE_CONTEXT);
  let first;
  await step('390 px: the front fits the screen, Show answer is a big tap target in reach', async () => {
    await page.goto(`${BASE_URL}${studyPath(scope)}`);
    await page.getByTestId('review-card').waitFor({ state: 'visible' });
    first = await onScreen(page);
    await noHorizontalScroll(page, '390 px front');
    await bigTapTargets(page, '[data-testid=show-answer], .review__tool', '390 px front');
    await shot(page, 'review-390-front.png', false);
  });

  await step('tapping Show answer shows the back and four grade buttons side by side', async () => {
    await page.getByTestId('show-answer').tap();
    await page.getByTestId('grade-bar').waitFor({ state: 'visible' });
    await noHorizontalScroll(page, '390 px back');
    await bigTapTargets(page, '.grade', '390 px back');
    const tops = await page.locator('.grade').evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    check(new Set(tops).size === 1, `the grade buttons are not on one row: tops ${tops.join(', ')}`);
    await shot(page, 'review-390-back.png', false);
  });

  await step('tapping Good grades; tapping Undo brings the card back', async () => {
    const answer = gradeResponse(page);
    await page.getByTestId('grade-good').tap();
    check((await answer).ok(), 'the grade was not stored');
    await nextCard(page, first.key);
    await page.getByTestId('review-undo').tap();
    await page.waitForFunction((key) => {
      const card = document.querySelector('[data-testid=review-card]');
      return card && `${card.dataset.cardId}#${card.dataset.ordinal}` === key && card.dataset.revealed === 'false';
    }, first.key);
  });

  const session = { grades: 1, undone: 1, sourceSeen: false, cards: 0 };
  await step('tapping through to the end, opening one source passage', async () => {
    let card = await onScreen(page);
    while (card && session.cards < MAX_CARDS) {
      session.cards += 1;
      await page.getByTestId('show-answer').tap();
      await page.getByTestId('grade-bar').waitFor({ state: 'visible' });
      if (card.hasSource && !session.sourceSeen) {
        await page.getByTestId('review-open-source').tap();
        await checkSource(page, card.id);
        await noHorizontalScroll(page, '390 px source');
        await page.getByTestId('source-panel').getByRole('button', { name: 'Close the source passage' }).tap();
        await page.getByTestId('source-panel').waitFor({ state: 'detached' });
        session.sourceSeen = true;
      }
      const answer = gradeResponse(page);
      await page.getByTestId(card.key === first.key ? 'grade-good' : 'grade-easy').tap();
      check((await answer).ok(), `grading ${card.key} failed`);
      session.grades += 1;
      card = await nextCard(page, card.key);
    }
    check(!card, `still studying after ${MAX_CARDS} cards`);
    check(session.sourceSeen, 'no card with a source passage came up');
    console.log(`    ${session.cards} cards studied by tapping`);
  });

  await step('390 px: the finished screen fits and counts the session', async () => {
    await page.getByTestId('review-finished').waitFor({ state: 'visible' });
    await noHorizontalScroll(page, '390 px finished');
    await bigTapTargets(page, '.review-finished__actions .button', '390 px finished');
    const reviewed = normalise(await page.getByTestId('session-reviewed').textContent());
    const expected = session.grades - session.undone;
    check(reviewed === `You reviewed ${expected} card${expected === 1 ? '' : 's'} in this session.`, `the finished screen says "${reviewed}"`);
    console.log(`    ${reviewed} ${normalise(await page.getByTestId('next-due').textContent())}`);
    await shot(page, 'review-390-finished.png', false);
  });
  await page.context().close();
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  let settings;
  let phoneTopicId;
  await step('seed: cards to study on the topic and on the phone roadmap; room for new cards today', async () => {
    settings = await getJson('/api/review/settings');
    await sendJson('PUT', '/api/review/settings', { ...settings, dailyNewLimit: Math.max(settings.dailyNewLimit, 500) });
    const topic = await getJson(`/api/topics/${encodeURIComponent(TOPIC_ID)}`);
    const roadmap = await getJson(`/api/roadmaps/${encodeURIComponent(PHONE_ROADMAP_ID)}`);
    check(topic.roadmapId !== PHONE_ROADMAP_ID, 'PHONE_ROADMAP_ID is the topic’s own roadmap: their cards would be duplicates');
    phoneTopicId = roadmap.topics[0]?.id;
    check(phoneTopicId, `roadmap ${PHONE_ROADMAP_ID} has no topic`);
    await seedCards(TOPIC_ID, `topic "${normalise(topic.title)}"`);
    await seedCards(phoneTopicId, `roadmap "${normalise(roadmap.title)}"`);
  });

  await step('launch headless Chromium', launchChromium);
  try {
    await keyboardSession({ kind: 'topic', id: TOPIC_ID });
    await phoneSession({ kind: 'roadmap', id: PHONE_ROADMAP_ID });
  } finally {
    await sendJson('PUT', '/api/review/settings', settings).catch(() => {});
  }
  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
