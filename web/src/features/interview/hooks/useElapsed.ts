import { useEffect, useRef, useState } from 'react';

/**
 * Milliseconds since the component mounted (give the question's view a `key`, so that is when the question was
 * shown), ticking every second while `running`; `read()` gives the exact value at any moment.
 */
export function useElapsed(running: boolean): { elapsed: number; read: () => number } {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  const startedAt = useRef(started);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  return { elapsed: Math.max(0, now - started), read: () => Date.now() - startedAt.current };
}

/** "mm:ss" (minutes go past 59: "75:02"). */
export function formatClock(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
