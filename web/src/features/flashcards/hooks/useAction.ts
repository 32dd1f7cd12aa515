import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';

export type ActionResult<T> = { ok: true; value: T } | { ok: false };

export interface Action {
  /** True while an action runs: its buttons are disabled. */
  pending: boolean;
  /** The last failure as a sentence to show (a problem's detail), or null. */
  error: string | null;
  run: <T>(action: () => Promise<T>) => Promise<ActionResult<T>>;
  clearError: () => void;
}

/** Runs one card action at a time and remembers its failure; nothing is set after the caller unmounts. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<ActionResult<T>> => {
    setPending(true);
    setError(null);
    try {
      const value = await action();
      if (mounted.current) setPending(false);
      return { ok: true, value };
    } catch (caught) {
      if (mounted.current) {
        setPending(false);
        setError(errorMessage(caught));
      }
      return { ok: false };
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);

  return { pending, error, run, clearError };
}
