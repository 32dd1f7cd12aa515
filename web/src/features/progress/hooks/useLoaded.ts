import { useEffect, useState } from 'react';

/**
 * Loads for `key` (what is loaded) and again whenever `refreshKey` changes; null while the first load for `key` runs
 * or when it failed (progress is extra information: the pages work without it). A reload keeps the value shown until
 * the new one arrives.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, key: string, refreshKey?: unknown): T | null {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setLoaded({ key, value });
      },
      () => {
        // the page does without it
      },
    );
    return () => controller.abort();
    // `load` reads only what `key` names
  }, [key, refreshKey]);
  return loaded && loaded.key === key ? loaded.value : null;
}
