import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import { checkNow, getFreshness } from '../api/roadmaps-api';
import type { CheckedSource, Freshness } from '../api/types';
import { formatDate, plural } from './format';

/** "every 7 days", "every 12 hours" for the ISO-8601 durations the API sends (`PT168H`); the raw text otherwise. */
export function describeInterval(iso: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:\d+(?:\.\d+)?S)?$/.exec(iso);
  if (!match || (!match[1] && !match[2])) return iso;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2] ?? 0);
  if (minutes > 0) return `every ${plural(hours * 60 + minutes, 'minute')}`;
  if (hours === 168) return 'every week';
  return hours % 24 === 0 ? `every ${plural(hours / 24, 'day')}` : `every ${plural(hours, 'hour')}`;
}

function Sources({ label, sources, testId }: { label: string; sources: CheckedSource[]; testId: string }) {
  if (sources.length === 0) return null;
  return (
    <>
      <h3>{label}</h3>
      <ul data-testid={testId}>
        {sources.map((source) => (
          <li key={source.url}>
            <a href={source.url} target="_blank" rel="noreferrer">
              {source.title}
            </a>
            {source.reason && <> — {source.reason}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The roadmap page's freshness section: when its resources were last checked and what changed, when the next check
 * is, and a button to check now. Shared data only: the same for every learner.
 */
export function FreshnessPanel({
  roadmapId,
  freshness: initial,
  pollMs = 5000,
}: {
  roadmapId: string;
  freshness: Freshness;
  /** How often a running check is looked at again, until it has finished. */
  pollMs?: number;
}) {
  const [freshness, setFreshness] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const { last, running } = freshness;

  useEffect(() => {
    if (!running) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getFreshness(roadmapId, controller.signal).then(setFreshness, () => {
        // a failed look leaves the panel as it was; the page can be reloaded
      });
    }, pollMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [roadmapId, running, pollMs, freshness]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      setFreshness(await checkNow(roadmapId));
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  }

  return (
    <section aria-labelledby="freshness-heading" className="page-section" data-testid="freshness-panel">
      <h2 id="freshness-heading">Freshness</h2>
      {last ? (
        <p data-testid="freshness-last">
          Last checked {formatDate(last.finishedAt)}: {plural(last.checked, 'resource')} — {last.unchanged} unchanged,{' '}
          {last.changed} changed, {last.failed} failed.
        </p>
      ) : (
        <p data-testid="freshness-last">Not checked since it was imported.</p>
      )}
      {last && <Sources label="Changed in the last check" sources={last.changedResources} testId="freshness-changed" />}
      {last && <Sources label="Failed in the last check" sources={last.failedResources} testId="freshness-failed" />}
      <p className="meta" data-testid="freshness-next">
        {running
          ? `Checking now (started ${formatDate(running)}).`
          : freshness.nextCheckAt
            ? `Next check ${formatDate(freshness.nextCheckAt)} (${describeInterval(freshness.interval)}).`
            : freshness.scheduled
              ? 'Not checked on a schedule: checks are off for this roadmap.'
              : 'Not checked on a schedule: scheduled checks are off on this server.'}
      </p>
      {!running && (
        <button type="button" className="button button--secondary" onClick={start} disabled={starting} data-testid="check-now">
          {starting ? 'Starting…' : 'Check now'}
        </button>
      )}
      {error !== null && <ErrorNotice title="Could not start a check" message={errorMessage(error)} />}
    </section>
  );
}
