import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft } from '../api/interview-api';

/** How long typing must pause before the draft is saved, in ms. */
export const AUTOSAVE_DELAY_MS = 600;

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * An answer being written, saved as the question's draft `delayMs` after the last change (and when the question
 * leaves the screen with unsaved changes), so that leaving and coming back restores it. `discard` drops a pending
 * save: a submitted answer replaces the draft.
 */
export function useDraftAutosave(sessionId: string, questionId: string, initial: string, delayMs = AUTOSAVE_DELAY_MS) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const answer = pending.current;
    if (answer === null) return;
    pending.current = null;
    if (mounted.current) setStatus('saving');
    saveDraft(sessionId, questionId, answer).then(
      () => {
        if (mounted.current && pending.current === null) setStatus('saved');
      },
      () => {
        if (mounted.current) setStatus('failed');
      },
    );
  }, [sessionId, questionId]);

  const change = (value: string) => {
    setText(value);
    pending.current = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, delayMs);
  };

  const discard = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      save();
    };
  }, [save]);

  return { text, change, status, discard };
}
