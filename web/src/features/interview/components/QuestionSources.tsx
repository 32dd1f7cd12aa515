import { isWebUrl } from '../../../lib/urls';
import type { Question } from '../api/types';

/** "Drew on: …" the sources a question was written from, and a note when it had to borrow other roadmaps' sources. */
export function QuestionSources({ question }: { question: Pick<Question, 'sources' | 'broadened'> }) {
  const sources = question.sources ?? [];
  return (
    <>
      {sources.length > 0 && (
        <p className="meta interview-question__sources" data-testid="question-sources">
          Drew on:{' '}
          {sources.map((source, index) => (
            <span key={`${source.url}-${index}`}>
              {index > 0 && ', '}
              {isWebUrl(source.url) ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title || source.url}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                source.title || 'Untitled source'
              )}
            </span>
          ))}
        </p>
      )}
      {question.broadened && (
        <p className="answer__notice" data-testid="broadened">
          This topic has few sources of its own, so the question also drew on other roadmaps’ sources.
        </p>
      )}
    </>
  );
}
