import { describe, expect, it } from 'vitest';
import { hasDeletion, parseCloze } from './cloze';

describe('parseCloze', () => {
  it('splits text and deletions with their numbers and hints', () => {
    expect(parseCloze('{{c1::Redis}} keeps data in {{c2::RAM::where?}}.')).toEqual([
      { kind: 'deletion', n: 1, answer: 'Redis', hint: null },
      { kind: 'text', text: ' keeps data in ' },
      { kind: 'deletion', n: 2, answer: 'RAM', hint: 'where?' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps an incomplete or malformed deletion as text', () => {
    expect(parseCloze('{{x::y}} and {{c::z}} and {{c1::never closed')).toEqual([{ kind: 'text', text: '{{x::y}} and {{c::z}} and {{c1::never closed' }]);
  });

  it('allows single colons and line breaks in an answer', () => {
    expect(parseCloze('{{c3::a: b\nc}}')).toEqual([{ kind: 'deletion', n: 3, answer: 'a: b\nc', hint: null }]);
  });
});

describe('hasDeletion', () => {
  it('needs at least one deletion with an answer', () => {
    expect(hasDeletion('{{c1::Redis}} is fast')).toBe(true);
    expect(hasDeletion('{{c1::}} is fast')).toBe(false);
    expect(hasDeletion('Redis is fast')).toBe(false);
  });
});
