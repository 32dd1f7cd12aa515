import { useEffect, useState } from 'react';

export type ApiResource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads `load` whenever one of `deps` changes (showing `loading` again), aborting the previous request.
 * Stale answers never overwrite newer ones. For a panel with a retry button and local updates, see `useResource`.
 */
export function useApiResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): ApiResource<T> {
  const [state, setState] = useState<ApiResource<T>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // callers pass the inputs of `load` as deps
  }, deps);

  return state;
}
