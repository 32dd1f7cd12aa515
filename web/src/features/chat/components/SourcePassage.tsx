import { PassagePanel } from '../../../components/ui/Passage';
import { sourceLocation } from '../../../lib/format';
import type { AnswerSource } from '../api/types';

interface SourcePassageProps {
  source: AnswerSource;
  onClose: () => void;
}

/** The passage a citation points to, as plain text, with where it comes from. Takes focus when it opens. */
export function SourcePassage({ source, onClose }: SourcePassageProps) {
  return (
    <PassagePanel
      key={`${source.n}-${source.chunkId}`}
      heading={
        <>
          <span className="source-panel__number">[{source.n}]</span> {source.title || 'Untitled source'}
        </>
      }
      url={source.url}
      location={sourceLocation(source)}
      text={source.text || source.snippet}
      closeLabel={`Close source ${source.n}`}
      onClose={onClose}
    />
  );
}
