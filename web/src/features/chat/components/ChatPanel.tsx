import { useId } from 'react';
import { useAnswerStream, type ChatScope } from '../hooks/useAnswerStream';
import { AnswerView } from './AnswerView';
import { QuestionForm } from './QuestionForm';

export interface ChatPanelProps extends ChatScope {
  /** The section's heading. */
  title?: string;
}

/**
 * Questions and cited answers about a topic's or a roadmap's sources. A new topic or roadmap starts a new
 * conversation.
 */
export function ChatPanel(props: ChatPanelProps) {
  return <Chat key={`${props.topicId ?? ''}|${props.roadmapId ?? ''}`} {...props} />;
}

function Chat({ topicId, roadmapId, title = 'Ask a question' }: ChatPanelProps) {
  const { turns, status, ask, stop } = useAnswerStream({ topicId, roadmapId });
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="page-section chat" data-testid="chat-panel">
      <h2 id={headingId}>{title}</h2>
      {turns.length === 0 ? (
        <p className="hint">Answers quote the ingested sources and cite them as numbered chips.</p>
      ) : (
        <ol className="chat__turns" aria-label="Conversation">
          {turns.map((turn) => (
            <AnswerView key={turn.id} turn={turn} />
          ))}
        </ol>
      )}
      <QuestionForm streaming={status === 'streaming'} onAsk={ask} onStop={stop} />
    </section>
  );
}
