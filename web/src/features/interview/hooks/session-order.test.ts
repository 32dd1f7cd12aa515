import { describe, expect, it } from 'vitest';
import { followup, q1, q2, question, session } from '../testing/fixtures';
import { inOrder, nextPending } from './session-order';

describe('inOrder', () => {
  it('puts each follow-up right after the question it follows up on', () => {
    const deeper = question({ id: 'q1-f-f', position: 4, parentId: followup.id });
    expect(inOrder([deeper, q2, followup, q1]).map((q) => q.id)).toEqual(['q1', 'q1-f', 'q1-f-f', 'q2']);
  });

  it('keeps a follow-up of a question it does not know at its own position', () => {
    const orphan = question({ id: 'orphan', position: 0, parentId: 'gone' });
    expect(inOrder([q1, orphan]).map((q) => q.id)).toEqual(['orphan', 'q1']);
  });
});

describe('nextPending', () => {
  it('asks the follow-up of an answered question before the next question', () => {
    const answered = { ...q1, status: 'answered' as const };
    expect(nextPending(session({ questions: [answered, q2, followup] }))?.id).toBe('q1-f');
  });

  it('asks nothing once the session ended', () => {
    expect(nextPending(session({ status: 'ended' }))).toBeNull();
  });
});
