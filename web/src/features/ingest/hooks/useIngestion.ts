import { useEffect, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { getIngestion, streamIngestion } from '../api/ingestion-api';
import type { IngestionStatus } from '../api/types';

/** How the status is being kept current: the event stream, polling, or not at all (finished). */
export type Following = 'stream' | 'polling' | null;

export type IngestionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: IngestionStatus; following: Following };

export interface IngestionOptions {
  /** Polling interval once the stream has failed twice. */
  pollIntervalMs?: number;
  /** Pause before the one reconnect of the event stream. */
  reconnectDelayMs?: number;
}

/**
 * Loads a roadmap's ingestion status, then follows its event stream until `done`. A broken connection is
 * reconnected once; after that the status is polled every `pollIntervalMs` until finished. Everything stops
 * when the roadmap changes or the caller unmounts.
 */
export function useIngestion(
  roadmapId: string,
  { pollIntervalMs = 3000, reconnectDelayMs = 1000 }: IngestionOptions = {},
): IngestionState {
  const [state, setState] = useState<IngestionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState({ status: 'loading' });
    const show = (data: IngestionStatus, following: Following) => {
      if (!signal.aborted) setState({ status: 'ready', data, following: data.finished ? null : following });
    };
    followIngestion(roadmapId, signal, show, pollIntervalMs, reconnectDelayMs).catch((error: unknown) => {
      if (!signal.aborted) setState({ status: 'error', error });
    });
    return () => controller.abort();
  }, [roadmapId, pollIntervalMs, reconnectDelayMs]);

  return state;
}

async function followIngestion(
  roadmapId: string,
  signal: AbortSignal,
  show: (data: IngestionStatus, following: Following) => void,
  pollIntervalMs: number,
  reconnectDelayMs: number,
): Promise<void> {
  let latest = await getIngestion(roadmapId, signal);
  show(latest, 'stream');
  if (latest.finished) return;

  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (attempt > 0 && !(await delay(reconnectDelayMs, signal))) return;
    try {
      for await (const event of streamIngestion(roadmapId, signal)) {
        latest = event.status;
        show(latest, 'stream');
        if (event.type === 'done' || latest.finished) return;
      }
      // the server closed the stream before `done`: handled like a dropped connection
    } catch (error) {
      if (signal.aborted) return;
      if (!isTransient(error)) throw error;
    }
  }

  show(latest, 'polling');
  while (await delay(pollIntervalMs, signal)) {
    try {
      latest = await getIngestion(roadmapId, signal);
    } catch (error) {
      if (signal.aborted) return;
      if (!isTransient(error)) throw error;
      continue; // unreachable for now: keep showing the last status and try again
    }
    show(latest, 'polling');
    if (latest.finished) return;
  }
}

/** A broken connection or a server-side hiccup (5xx) is worth retrying; a 404 is not. */
function isTransient(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
