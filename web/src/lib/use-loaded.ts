import { useEffect, useState } from 'react';

/**
 * Loads for `key` (what is loaded) and again whenever an entry of `refresh` changes; null while the first load for
 * `key` runs or when it failed — for extra information a panel does without (due counts, statistics, progress). A
 * reload keeps the value shown until the new one arrives.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, key: string, refresh: readonly unknown[] = []): T | null {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setLoaded({ key, value });
      },
      () => {
        // extra information: the page works without it
      },
    );
    return () => controller.abort();
    // `load` reads only what `key` names
  }, [key, ...refresh]);
  return loaded && loaded.key === key ? loaded.value : null;
}
