// Reads an Anki package with anki-reader (sql.js), independently of the Java code that wrote it, and prints what
// Anki would see as JSON: decks, note types, and every note with its fields, tags, GUID and cards (deck, template,
// scheduling columns, rendered question, review log). Used by ExchangeApiIT.
//
//   node scripts/apkg-reader/read-apkg.mjs FILE.apkg
import { readFile } from 'node:fs/promises';
import { readAnkiPackage } from 'anki-reader';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read-apkg.mjs FILE.apkg');
  process.exit(2);
}

const { collection } = await readAnkiPackage(new Blob([await readFile(file)]));
const db = collection.getRawCollection();
const rows = (sql) => {
  const result = db.exec(sql);
  if (result.length === 0) return [];
  const { columns, values } = result[0];
  return values.map((value) => Object.fromEntries(columns.map((c, i) => [c, value[i]])));
};

const notes = new Map();
for (const note of rows('SELECT id, guid, tags, mid FROM notes ORDER BY id')) {
  notes.set(String(note.id), {
    guid: note.guid,
    tags: note.tags.trim() === '' ? [] : note.tags.trim().split(/\s+/),
    model: null,
    fields: null,
    cards: [],
  });
}
const revlog = new Map();
for (const review of rows('SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id')) {
  const key = String(review.cid);
  if (!revlog.has(key)) revlog.set(key, []);
  revlog.get(key).push(review);
}

const decks = [];
for (const deck of Object.values(collection.getDecks())) {
  decks.push(deck.getName());
  for (const card of Object.values(deck.getCards())) {
    const raw = card.getRawCard();
    const note = notes.get(String(raw.nid));
    const model = card.getModel();
    note.model = model.getName();
    note.fields = card.getFields();
    const questions = card.getQuestions();
    const template = model.getTemplates()[raw.ord];
    note.cards.push({
      ord: raw.ord,
      deck: deck.getName(),
      template: template ? template.name : null,
      question: model.getType() === 1 ? null : (questions.find((q) => q.getRawTemplate().ord === raw.ord)
        ?.getQuestionString() ?? null),
      type: raw.type,
      queue: raw.queue,
      due: raw.due,
      ivl: raw.ivl,
      reps: raw.reps,
      lapses: raw.lapses,
      data: raw.data,
      revlog: revlog.get(String(raw.id)) ?? [],
    });
  }
}

const models = Object.values(collection.getModels()).map((m) => ({
  name: m.getName(),
  type: m.getType(),
  fields: m.getFields().map((f) => f.name),
  templates: m.getTemplates().map((t) => t.name),
}));

const col = rows('SELECT crt, ver FROM col')[0];
process.stdout.write(JSON.stringify({ version: col.ver, crt: col.crt, decks: decks.sort(), models,
  notes: [...notes.values()] }, null, 2) + '\n');
