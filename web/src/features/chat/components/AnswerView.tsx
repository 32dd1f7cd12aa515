import { useMemo, useState } from 'react';
import { CitedMarkdown } from '../../../components/ui/CitedMarkdown';
import { ErrorNotice } from '../../../components/ui/Status';
import { formatDuration, plural } from '../../../lib/format';
import type { DoneEvent } from '../api/types';
import type { Turn } from '../hooks/conversation';
import { OfflineBadge } from './OfflineBadge';
import { SourceList } from './SourceList';
import { SourcePassage } from './SourcePassage';

/** One turn of the conversation: the question, then the answer as it streams, its sources and how it ended. */
export function AnswerView({ turn }: { turn: Turn }) {
  const [openSource, setOpenSource] = useState<number | null>(null);
  const sources = useMemo(() => turn.sources ?? [], [turn.sources]);
  const cited = useMemo(() => new Set(turn.citations.map((citation) => citation.n)), [turn.citations]);
  const opened = sources.find((source) => source.n === openSource);
  const streaming = turn.state === 'streaming';

  return (
    <li className="chat-turn">
      <p className="chat-turn__question">
        <span className="visually-hidden">You asked: </span>
        {turn.question}
      </p>
      <article
        className={`answer answer--${turn.state}`}
        data-testid="answer"
        data-state={turn.state}
        data-mode={turn.mode ?? undefined}
        aria-label={`Answer to: ${turn.question}`}
      >
        {turn.mode === 'extractive' && (
          <div className="answer__badges">
            <OfflineBadge />
          </div>
        )}
        {turn.notices.map((notice, index) => (
          <p key={index} className="answer__notice" role="status" data-kind={notice.kind}>
            {notice.message}
          </p>
        ))}
        <div className="answer__text" data-testid="answer-text" aria-live="polite" aria-busy={streaming}>
          {turn.text && <CitedMarkdown text={turn.text} sources={sources} onCite={setOpenSource} />}
        </div>
        {streaming && (
          <p className="answer__progress" role="status">
            <span className="spinner" aria-hidden="true" />
            {turn.sources === null ? 'Searching your sources…' : 'Writing the answer…'}
          </p>
        )}
        {turn.state === 'stopped' && <p className="answer__stopped">Stopped</p>}
        {turn.error && <ErrorNotice title={turn.error.title} message={turn.error.message} />}
        {opened && <SourcePassage source={opened} onClose={() => setOpenSource(null)} />}
        {turn.sources?.length === 0 && (
          <p className="meta">No relevant passages were found in the sources, so nothing could be cited.</p>
        )}
        {sources.length > 0 && (
          <details className="answer__sources" open>
            <summary>{plural(sources.length, 'source')}</summary>
            <SourceList sources={sources} cited={cited} onOpen={setOpenSource} />
          </details>
        )}
        {turn.done && <AnswerFooter done={turn.done} />}
      </article>
    </li>
  );
}

function AnswerFooter({ done }: { done: DoneEvent }) {
  const unsupported = done.unsupported ?? [];
  const how = done.mode === 'extractive' ? 'Extracted from your sources' : `Answered by ${done.model ?? 'the model'}`;
  return (
    <footer className="answer__footer">
      <p className="meta">
        {how}
        {typeof done.latencyMs === 'number' && <> in {formatDuration(done.latencyMs)}</>}
      </p>
      {unsupported.length > 0 && (
        <details className="answer__unsupported" data-testid="unsupported-note">
          <summary>{plural(unsupported.length, 'sentence')} without a citation</summary>
          <ul>
            {unsupported.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ul>
        </details>
      )}
    </footer>
  );
}
