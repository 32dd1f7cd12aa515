import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api-client';

export type Resource<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/**
 * Loads what a panel shows (a list, settings) on mount; `reload` loads it again, `update` changes the value shown
 * after a change the server confirmed. A failed load keeps its message for the panel to show with a retry.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): {
  resource: Resource<T>;
  reload: () => void;
  update: (change: (value: T) => T) => void;
} {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
    // `load` is read once per attempt
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (value: T) => T) => {
    setResource((current) => (current.status === 'ready' ? { status: 'ready', value: change(current.value) } : current));
  }, []);
  return { resource, reload, update };
}

/**
 * Loads `resource` again `pollMs` after each load while `active` (a build or an ingestion still running): the next
 * look is set when the previous one has come back, so slow answers never pile up.
 */
export function useReloadWhile(active: boolean, resource: Resource<unknown>, reload: () => void, pollMs: number): void {
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setTimeout(reload, pollMs);
    return () => window.clearTimeout(timer);
  }, [active, resource, reload, pollMs]);
}
