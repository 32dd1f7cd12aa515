// Writes api/src/test/resources/review/fsrs-golden.json: review sequences scheduled by ts-fsrs, the reference
// implementation of FSRS-6, for FsrsGoldenTest to replay through our Scheduler.
//
//   cd scripts/fsrs-golden && npm ci && node generate.mjs
//
// Everything is deterministic (a seeded PRNG, fixed start times), so running it again gives the same file.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmptyCard, fsrs, FSRSVersion, get_fuzz_range, generatorParameters } from 'ts-fsrs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)),
  '../../api/src/test/resources/review/fsrs-golden.json');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 0, 6, 0, 0, 0);

// mulberry32: small, seeded, deterministic.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20250106);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const logUniform = (lo, hi) => Math.round(Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo))));

// How a learner grades: the weights of again, hard, good and easy.
const STYLES = {
  mixed: [20, 15, 45, 20],
  steady: [10, 10, 70, 10],
  struggling: [55, 20, 20, 5],
  confident: [5, 5, 40, 50],
};

function grade(style) {
  const weights = STYLES[style];
  let roll = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i];
    if (roll < 0) return i + 1;
  }
  return 4;
}

// When the next review happens, relative to the card's last review and due time.
function nextReviewTime(card, now) {
  const due = card.due.getTime();
  const last = card.last_review ? card.last_review.getTime() : now;
  switch (pick(['on-due', 'on-due', 'early', 'same-day', 'overdue', 'anytime'])) {
    case 'on-due':
      return Math.max(now, due + between(0, 90) * 1000);
    case 'early':
      return last + Math.max(1000, Math.floor((due - last) * random()));
    case 'same-day':
      return now + logUniform(1, 6 * 3600) * 1000;
    case 'overdue':
      return Math.max(now, due) + logUniform(1, 180) * DAY + between(0, DAY - 1);
    default:
      return now + logUniform(1, 120 * 86400) * 1000;
  }
}

function sequence(id, settings, style, length) {
  const scheduler = fsrs({ ...settings, enable_fuzz: false });
  const start = START + between(0, 400) * DAY + between(0, DAY - 1);
  let card = createEmptyCard(new Date(start));
  let now = start + logUniform(1, 3 * DAY / 1000) * 1000;
  const reviews = [];
  for (let i = 0; i < length; i++) {
    const rating = grade(style);
    card = scheduler.next(card, new Date(now), rating).card;
    reviews.push({
      at: now,
      rating,
      state: card.state,
      due: card.due.getTime(),
      stability: card.stability,
      difficulty: card.difficulty,
      scheduled_days: card.scheduled_days,
      learning_steps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
    });
    now = nextReviewTime(card, now);
  }
  return { id, style, settings, start, reviews };
}

const DEFAULTS = { request_retention: 0.9, maximum_interval: 36500 };
const VARIANTS = [
  { request_retention: 0.8, maximum_interval: 36500 },
  { request_retention: 0.95, maximum_interval: 36500 },
  { request_retention: 0.9, maximum_interval: 30 },
  { request_retention: 0.85, maximum_interval: 180 },
];

const sequences = [];
for (let i = 0; i < 240; i++) {
  const length = i < 20 ? between(1, 3) : between(1, 20);
  sequences.push(sequence(i, DEFAULTS, pick(Object.keys(STYLES)), length));
}
for (let i = 0; i < 40; i++) {
  sequences.push(sequence(240 + i, VARIANTS[i % VARIANTS.length], pick(Object.keys(STYLES)), between(5, 20)));
}

// get_fuzz_range is pure: our fuzz must pick from exactly these ranges.
const fuzzRanges = [];
for (const interval of [1, 2, 3, 4, 5, 7, 8, 12, 20, 21, 30, 45, 100, 365, 1000, 36499, 36500]) {
  for (const elapsed of [0, 1, 3, 10, 50, 400]) {
    for (const maximum of [30, 36500]) {
      const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsed, maximum);
      fuzzRanges.push([interval, elapsed, maximum, min_ivl, max_ivl]);
    }
  }
}

const defaults = generatorParameters({});
const header = {
  generator: `ts-fsrs ${FSRSVersion}`,
  regenerate: 'cd scripts/fsrs-golden && npm ci && node generate.mjs',
  parameters: {
    w: defaults.w,
    learning_steps: defaults.learning_steps,
    relearning_steps: defaults.relearning_steps,
    enable_short_term: defaults.enable_short_term,
    enable_fuzz: false,
  },
};

// One sequence or fuzz range per line keeps the file diffable.
const lines = [
  '{',
  ...Object.entries(header).map(([key, value]) => `"${key}": ${JSON.stringify(value)},`),
  '"fuzz_ranges": [',
  fuzzRanges.map((range) => JSON.stringify(range)).join(',\n'),
  '],',
  '"sequences": [',
  sequences.map((s) => JSON.stringify(s)).join(',\n'),
  ']',
  '}',
];
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, lines.join('\n') + '\n');

const reviews = sequences.reduce((n, s) => n + s.reviews.length, 0);
console.log(`ts-fsrs ${FSRSVersion}: ${sequences.length} sequences, ${reviews} reviews, ` +
  `${fuzzRanges.length} fuzz ranges -> ${OUT}`);
