import { useEffect, useState } from 'react';

/**
 * Seconds left of a wait of `seconds` that starts whenever `started` changes (e.g. the time of a refused attempt);
 * 0 when there is nothing to wait for. The first render of a new wait already shows its full length.
 */
export function useCountdown(seconds: number, started: unknown): number {
  const [wait, setWait] = useState({ started, seconds, left: seconds });
  let current = wait;
  if (wait.started !== started || wait.seconds !== seconds) {
    current = { started, seconds, left: seconds };
    setWait(current);
  }
  useEffect(() => {
    if (seconds <= 0) return;
    const end = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setWait((now) => (now.started === started ? { ...now, left } : now));
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, started]);
  return current.left;
}
