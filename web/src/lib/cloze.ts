/** Anki cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}`. */
export type ClozeSegment = { kind: 'text'; text: string } | { kind: 'deletion'; n: number; answer: string; hint: string | null };

const DELETION = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** Splits cloze text into plain text and deletions; anything that is not a complete deletion stays text. */
export function parseCloze(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(DELETION)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'deletion', n: Number(match[1]), answer: match[2], hint: match[3] ?? null });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** True when the text has at least one deletion with an answer. */
export function hasDeletion(text: string): boolean {
  return parseCloze(text).some((segment) => segment.kind === 'deletion' && segment.answer.trim() !== '');
}
