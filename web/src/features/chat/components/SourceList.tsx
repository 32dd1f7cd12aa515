import type { AnswerSource } from '../api/types';
import { sourceLocation } from '../../../lib/format';
import { SourceTitle } from './SourceTitle';

interface SourceListProps {
  sources: AnswerSource[];
  /** Numbers the answer cites; the others were retrieved but not used. */
  cited: ReadonlySet<number>;
  onOpen: (n: number) => void;
}

/** The numbered passages the answer drew on, each with a button that shows the whole passage. */
export function SourceList({ sources, cited, onOpen }: SourceListProps) {
  return (
    <ol className="source-list" data-testid="source-list">
      {sources.map((source) => {
        const location = sourceLocation(source);
        return (
          <li key={`${source.n}-${source.chunkId}`} className="source-list__item" data-n={source.n} data-cited={cited.has(source.n)}>
            <span className="source-list__number">[{source.n}]</span>
            <div className="source-list__body">
              <SourceTitle source={source} />
              {location && <span className="meta source-list__location"> · {location}</span>}
              {source.snippet && <p className="source-list__snippet">{source.snippet}</p>}
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Show passage ${source.n}`}
              onClick={() => onOpen(source.n)}
            >
              Show passage
            </button>
          </li>
        );
      })}
    </ol>
  );
}
