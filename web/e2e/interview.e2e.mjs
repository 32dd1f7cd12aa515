#!/usr/bin/env node
// Browser end-to-end check of mock interviews against a running server with ingested sources (offline grading).
//
// Drives headless Chromium (playwright-core, system browser, nothing downloaded):
//
//  1. At 1280 px on a topic page (`/topics/{TOPIC_ID}`): the interview panel and the topic's progress show; a senior
//     interview of 2 questions starts and opens at `/interviews/{id}`. The first question shows what it drew on and a
//     running timer; typing autosaves the draft (PUT …/draft) and Ctrl+Enter submits it; the rubric (a verdict and a
//     passage per point), the scores with the offline note, the reference answer (its chips) and Next question
//     stream in. A reload resumes: the answered question shows its stored grading, the next pending one is asked.
//     The second question is answered with the Submit button; the report shows the overall score, each question's
//     score and the misses; "Make cards from my misses" says how many cards were made (checked against the API),
//     and the topic page lists the session among the past interviews.
//  2. At 390 px (a phone, touch): the same session's report and a new 1-question interview fit the screen without
//     horizontal scroll, with tap targets of at least 44 px; the answer is submitted by tapping and the interview
//     ended, which shows its report.
//
// Environment:
//   BASE_URL          required  e.g. http://127.0.0.1:8080
//   TOPIC_ID          required  a topic whose resources are ingested (the questions are written from them)
//   GRADING_MODE      optional  the grading mode to expect: offline (default), llm, or any
//   SCREENSHOT_DIR    optional  where to write interview-1280-{topic,question,graded,report}.png and
//                               interview-390-{question,graded,report}.png
//   CHROMIUM_PATH     optional  browser executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS    optional  global time limit (default 240000)
//
// Exit code 0 = pass, 1 = a check failed or timed out, 2 = bad usage. Ends with "e2e: N passed, N failed".

import path from 'node:path';
import {
  baseUrlFromEnv, check, checkNoPageErrors, fetchJson, launchChromium, MIN_TAP, noHorizontalScroll, normalise, openPage, PHONE,
  PHONE_CONTEXT, requireEnv, runE2E, screenshot, step,
} from './harness.mjs';

const env = process.env;
const BASE_URL = baseUrlFromEnv();
const TOPIC_ID = env.TOPIC_ID ?? '';
const GRADING_MODE = env.GRADING_MODE ?? 'offline';
const SCREENSHOT_DIR = env.SCREENSHOT_DIR ?? '';
const TIMEOUT_MS = Number(env.E2E_TIMEOUT_MS ?? 240_000);
const STEP_TIMEOUT_MS = Math.min(60_000, TIMEOUT_MS);

requireEnv('BASE_URL=http://127.0.0.1:8080 TOPIC_ID=<uuid> [GRADING_MODE=offline|llm|any] [SCREENSHOT_DIR=dir] node e2e/interview.e2e.mjs', BASE_URL, TOPIC_ID);

const getJson = (apiPath) => fetchJson(BASE_URL, apiPath, STEP_TIMEOUT_MS);
const shot = (page, name, fullPage = true) => screenshot(SCREENSHOT_DIR && path.join(SCREENSHOT_DIR, name), page, { fullPage });
const sessionIdOf = (page) => decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');

const ANSWERS = [
  'Redis keeps the whole dataset in memory and persists it to disk with RDB snapshots, point-in-time copies taken now and then, '
    + 'or with an append-only file that logs every write. The trade-off is durability against speed: snapshots can lose the last '
    + 'minutes of writes, the append-only file costs more disk and fsync time. The redis-cli connects to the server.',
  'I would start by measuring latency and checking the data types in use, then use the redis-cli to inspect keys. '
    + 'A cache trades consistency for speed: stale reads happen when the source changes before the entry expires.',
];

function isApiCall(response, method, pattern) {
  return response.request().method() === method && pattern.test(new URL(response.url()).pathname);
}

/** Starts an interview of `count` questions from the topic page's panel; returns the session id. */
async function startInterview(page, count, tap = false) {
  const panel = page.getByTestId('interview-panel');
  await panel.waitFor({ state: 'visible' });
  await panel.getByLabel('Questions').fill(String(count));
  check((await panel.getByLabel('Level').inputValue()) === 'senior', 'the level is not senior by default');
  const created = page.waitForResponse((response) => isApiCall(response, 'POST', /^\/api\/interviews$/), { timeout: STEP_TIMEOUT_MS });
  const start = panel.getByRole('button', { name: 'Start the interview' });
  if (tap) await start.tap();
  else await start.click();
  const response = await created;
  check(response.status() === 201, `POST /api/interviews answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  const session = await response.json();
  await page.waitForURL((url) => url.pathname === `/interviews/${encodeURIComponent(session.id)}`);
  await page.getByTestId('question').waitFor({ state: 'visible' });
  console.log(`    session ${session.id}: ${session.questions.length} question${session.questions.length === 1 ? '' : 's'}${session.notice ? ` (notice: ${session.notice})` : ''}`);
  return session;
}

/** The question on screen: its id and text, what it drew on and the timer; checks focus is on it. */
async function currentQuestion(page) {
  const question = page.getByTestId('question');
  await question.waitFor({ state: 'visible' });
  const seen = await question.evaluate((element) => ({
    id: element.dataset.questionId,
    text: element.querySelector('[data-testid=question-text]')?.textContent ?? '',
    meta: element.querySelector('[data-testid=question-meta]')?.innerText.replace(/\n/g, ' · ') ?? '',
    sources: element.querySelector('[data-testid=question-sources]')?.innerText ?? '',
    timer: element.querySelector('[data-testid=timer]')?.textContent ?? '',
    focused: document.activeElement === element.querySelector('[data-testid=question-text]'),
  }));
  check(seen.text.trim().length > 0, 'the question has no text');
  check(/\d\d:\d\d/.test(seen.timer), `no mm:ss timer: "${seen.timer}"`);
  console.log(`    ${normalise(seen.meta)}: "${normalise(seen.text).slice(0, 100)}"; ${normalise(seen.sources) || 'no sources listed'}`);
  return seen;
}

/** Waits until the grading on screen is done and checks what streamed; returns what it saw. */
async function gradedResult(page, root = page) {
  const result = root.getByTestId('result').first();
  await page.waitForFunction(() => {
    const element = document.querySelector('[data-testid=question] [data-testid=result]');
    return element && element.dataset.state !== 'streaming';
  }, undefined, { timeout: STEP_TIMEOUT_MS, polling: 100 });
  const state = await result.getAttribute('data-state');
  if (state !== 'done') check(false, `the grading ended ${state}: ${normalise(await result.textContent()).slice(0, 300)}`);
  const seen = await result.evaluate((element) => ({
    verdicts: [...element.querySelectorAll('[data-testid=rubric-point]')].map((point) => point.dataset.verdict),
    anchors: [...element.querySelectorAll('[data-testid=rubric-point] [data-testid=anchor]')].length,
    overall: element.querySelector('[data-testid=score-overall] .scores__value')?.textContent ?? '',
    note: element.querySelector('[data-testid=score-note]')?.textContent ?? '',
    reference: element.querySelector('[data-testid=reference]')?.textContent ?? '',
    chips: element.querySelectorAll('[data-testid=reference] [data-testid=citation-chip]').length,
    followup: element.querySelector('[data-testid=followup] .followup__text')?.textContent ?? '',
  }));
  check(seen.verdicts.length > 0, 'no rubric point streamed');
  check(seen.anchors === seen.verdicts.length, `${seen.verdicts.length} rubric points but ${seen.anchors} passages`);
  check(/\d(\.\d)? \/ 4/.test(seen.overall), `no overall score: "${seen.overall}"`);
  check(seen.reference.replace('Reference answer', '').trim().length > 0, 'no reference answer streamed');
  console.log(`    rubric ${seen.verdicts.join(', ')}; ${normalise(seen.overall)}; reference ${seen.reference.length} characters, ${seen.chips} chips`);
  console.log(`    note: ${normalise(seen.note) || '(none)'}; follow-up: ${seen.followup ? normalise(seen.followup).slice(0, 100) : 'none'}`);
  return seen;
}

/** The stored result of `questionId` has the expected grading mode. */
async function checkMode(sessionId, questionId) {
  const session = await getJson(`/api/interviews/${encodeURIComponent(sessionId)}`);
  const question = session.questions.find((candidate) => candidate.id === questionId);
  check(question?.status === 'answered' && question.result, `question ${questionId} is ${question?.status ?? 'missing'} after grading`);
  check(GRADING_MODE === 'any' || question.result.mode === GRADING_MODE, `graded in ${question.result.mode} mode, expected ${GRADING_MODE}`);
  console.log(`    stored: ${question.result.mode} mode, overall ${question.result.score.overall.score}, ${question.result.points.length} points`);
  return session;
}

/** Every element matching `selector` is at least 44×44 px and inside the screen's width. */
async function bigTapTargets(page, selector, where) {
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { name: element.textContent.replace(/\s+/g, ' ').trim(), left: box.left, right: box.right, width: box.width, height: box.height };
    }),
  );
  check(boxes.length > 0, `${where}: nothing matches ${selector}`);
  for (const box of boxes) {
    check(box.width >= MIN_TAP && box.height >= MIN_TAP, `${where}: "${box.name}" is ${Math.round(box.width)}×${Math.round(box.height)} px, under ${MIN_TAP} px`);
    check(box.left >= 0 && box.right <= PHONE.width, `${where}: "${box.name}" is not inside the ${PHONE.width} px screen`);
  }
}

async function desktopSession() {
  const page = await openPage(STEP_TIMEOUT_MS);
  let session;
  let first;
  await step('1280 px: the topic page shows the interview panel; 2 questions start and open at /interviews/{id}', async () => {
    await page.goto(`${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`);
    await page.getByTestId('interview-panel').waitFor({ state: 'visible' });
    const progress = await page.getByTestId('topic-progress-panel').count();
    console.log(`    topic progress ${progress ? normalise(await page.getByTestId('topic-progress-panel').innerText()) : 'not shown'}`);
    await shot(page, 'interview-1280-topic.png');
    session = await startInterview(page, 2);
    check(session.questions.length >= 1 && session.questions.length <= 2, `the session has ${session.questions.length} questions, 2 were asked for`);
    first = await currentQuestion(page);
    check(first.focused, 'focus is not on the question');
    check(first.id === session.questions.find((question) => question.status === 'pending')?.id, 'the screen does not ask the first pending question');
    await noHorizontalScroll(page, '1280 px question');
  });

  await step('typing autosaves the draft; Ctrl+Enter submits and the grading streams in', async () => {
    const box = page.getByLabel('Your answer', { exact: true });
    const draft = page.waitForResponse((response) => isApiCall(response, 'PUT', /\/draft$/), { timeout: STEP_TIMEOUT_MS });
    await box.fill(ANSWERS[0]);
    check((await draft).status() === 204, 'the draft was not saved');
    await page.getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await shot(page, 'interview-1280-question.png');
    const answer = page.waitForResponse((response) => isApiCall(response, 'POST', /\/answer$/), { timeout: STEP_TIMEOUT_MS });
    await box.press('Control+Enter');
    check((await answer).ok(), 'the answer was not accepted');
    await gradedResult(page);
    await page.getByTestId('next-question').waitFor({ state: 'visible' });
    await checkMode(session.id, first.id);
    await noHorizontalScroll(page, '1280 px graded');
    await shot(page, 'interview-1280-graded.png');
  });

  let second;
  await step('Next question asks the next one; a reload resumes with the graded answer stored', async () => {
    await page.getByTestId('next-question').click();
    await page.waitForFunction((id) => document.querySelector('[data-testid=question]')?.dataset.questionId !== id, first.id);
    second = await currentQuestion(page);
    check(second.focused, 'focus did not move to the next question');
    await page.reload();
    const resumed = await currentQuestion(page);
    check(resumed.id === second.id, `after a reload the screen asks ${resumed.id}, not ${second.id}`);
    const stored = page.locator(`[data-testid=answered-question][data-question-id="${first.id}"]`);
    await stored.waitFor({ state: 'attached' });
    check((await stored.getByTestId('rubric-point').count()) > 0, 'the answered question shows no stored rubric after a reload');
  });

  await step('the second answer goes with the Submit button', async () => {
    await page.getByLabel('Your answer', { exact: true }).fill(ANSWERS[1]);
    const answer = page.waitForResponse((response) => isApiCall(response, 'POST', /\/answer$/), { timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Submit' }).click();
    check((await answer).ok(), 'the answer was not accepted');
    await gradedResult(page);
    await checkMode(session.id, second.id);
  });

  await step('the report shows the scores and misses; "Make cards from my misses" says how many were made', async () => {
    await page.getByTestId('show-report').click();
    const report = page.getByTestId('report');
    await report.waitFor({ state: 'visible' });
    const expected = await getJson(`/api/interviews/${encodeURIComponent(session.id)}/report`);
    const overall = normalise(await page.getByTestId('report-overall').innerText());
    check(expected.overall.answered >= 2, `the report counts ${expected.overall.answered} answers`);
    check(overall.includes(`${expected.overall.answered} answered`), `the report says "${overall}", the API ${JSON.stringify(expected.overall)}`);
    const rows = await page.getByTestId('report-question').count();
    check(rows === expected.questions.length, `the report lists ${rows} questions, the API ${expected.questions.length}`);
    const misses = expected.questions.reduce((sum, question) => sum + question.missed.length, 0);
    check((await page.getByTestId('missed-point').count()) === misses, 'the report does not show every missed point');
    console.log(`    report: ${overall}; ${misses} missed or partial points; weakest ${expected.weakestTopics.map((topic) => topic.title).join(', ') || 'none'}`);
    check(misses > 0, 'nothing was missed: no cards to make');
    const made = page.waitForResponse((response) => isApiCall(response, 'POST', /\/cards$/), { timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Make cards from my misses' }).click();
    const response = await made;
    check(response.ok(), `POST …/cards answered ${response.status()}`);
    const cards = await response.json();
    const message = normalise(await page.getByTestId('cards-made').textContent());
    const want = `${cards.created} card${cards.created === 1 ? '' : 's'} created, ${cards.duplicates} already in your deck.`;
    check(message.startsWith(want), `the report says "${message}", expected "${want}"`);
    const study = await page.getByTestId('study-misses').getAttribute('href');
    check(study === `/topics/${encodeURIComponent(TOPIC_ID)}/study`, `the study link goes to ${study}`);
    console.log(`    ${message}`);
    await noHorizontalScroll(page, '1280 px report');
    await shot(page, 'interview-1280-report.png');
  });

  await step('the topic page lists the session among the past interviews', async () => {
    await page.goto(`${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`);
    const link = page.locator(`a[href="/interviews/${encodeURIComponent(session.id)}"]`);
    const item = page.getByTestId('past-interview').filter({ has: link });
    await item.waitFor({ state: 'visible' });
    const row = normalise(await item.innerText());
    check(/[2-9]\d* of \d+ answered/.test(row), `the past session row says "${row}"`);
    console.log(`    past: ${row}`);
  });
  await page.context().close();
  return session;
}

async function phoneSession(earlier) {
  const page = await openPage(STEP_TIMEOUT_MS, PHONE_CONTEXT);
  await step('390 px: the earlier session’s report fits the screen', async () => {
    await page.goto(`${BASE_URL}/interviews/${encodeURIComponent(earlier.id)}`);
    if ((await page.getByTestId('report').count()) === 0) {
      await page.getByTestId('question').or(page.getByTestId('report')).first().waitFor({ state: 'visible' });
      if (await page.getByTestId('show-report').isVisible()) await page.getByTestId('show-report').tap();
    }
    await page.getByTestId('report').waitFor({ state: 'visible' });
    await noHorizontalScroll(page, '390 px report');
    await bigTapTargets(page, '[data-testid=make-cards], .interview__toolbar .interview__action', '390 px report');
    await shot(page, 'interview-390-report.png');
  });

  await step('390 px: a 1-question interview by tapping, then End interview shows its report', async () => {
    await page.goto(`${BASE_URL}/topics/${encodeURIComponent(TOPIC_ID)}`);
    const session = await startInterview(page, 1, true);
    await currentQuestion(page);
    await noHorizontalScroll(page, '390 px question');
    await bigTapTargets(page, '[data-testid=answer-form] .interview__action, .interview__toolbar .interview__action', '390 px question');
    await page.getByLabel('Your answer', { exact: true }).fill(ANSWERS[0]);
    await shot(page, 'interview-390-question.png');
    const answer = page.waitForResponse((response) => isApiCall(response, 'POST', /\/answer$/), { timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Submit' }).tap();
    check((await answer).ok(), 'the answer was not accepted');
    await gradedResult(page);
    await noHorizontalScroll(page, '390 px graded');
    await bigTapTargets(page, '[data-testid=next-question]', '390 px graded');
    await shot(page, 'interview-390-graded.png');
    const ended = page.waitForResponse((response) => isApiCall(response, 'POST', /\/end$/), { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('end-interview').tap();
    check((await ended).ok(), 'the interview did not end');
    await page.getByTestId('report').waitFor({ state: 'visible' });
    const stored = await getJson(`/api/interviews/${encodeURIComponent(session.id)}`);
    check(stored.status === 'ended', `the session is ${stored.status} after End interview`);
    check((await page.getByTestId('end-interview').count()) === 0, 'End interview still shows on an ended session');
    console.log(`    phone session ${sessionIdOf(page)} ended: ${normalise(await page.getByTestId('report-overall').innerText())}`);
  });
  await page.context().close();
}

async function run() {
  console.log(`e2e against ${BASE_URL}`);
  await step('the topic exists', async () => {
    const topic = await getJson(`/api/topics/${encodeURIComponent(TOPIC_ID)}`);
    console.log(`    topic "${normalise(topic.title)}" of roadmap ${topic.roadmapId}`);
  });
  await step('launch headless Chromium', launchChromium);
  const session = await desktopSession();
  await phoneSession(session);
  checkNoPageErrors();
}

await runE2E(run, TIMEOUT_MS);
