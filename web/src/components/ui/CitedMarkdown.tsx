import { useMemo, type MouseEvent } from 'react';
import { CHIP_ATTRIBUTE, renderAnswerHtml } from '../../lib/answer-html';

/** What a chip needs to know about a source it cites: its number and title. */
export interface CitedSource {
  n: number;
  title: string;
}

interface CitedMarkdownProps {
  text: string;
  /** The sources whose `[n]` markers become chips; other markers stay text. */
  sources: readonly CitedSource[];
  /** Called with the source number when a citation chip is clicked. */
  onCite: (n: number) => void;
}

/**
 * Generated Markdown (an answer, a reference answer) sanitised, with its citation markers as chips (see
 * {@link renderAnswerHtml}). Shared by the features that stream cited text (chat, interview).
 */
export function CitedMarkdown({ text, sources, onCite }: CitedMarkdownProps) {
  const html = useMemo(
    () => renderAnswerHtml(text, new Map(sources.map((source) => [source.n, source.title]))),
    [text, sources],
  );

  // one listener for every chip: the chips are created as HTML, not as React elements
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest(`button[${CHIP_ATTRIBUTE}]`) : null;
    if (target && event.currentTarget.contains(target)) onCite(Number(target.getAttribute(CHIP_ATTRIBUTE)));
  };

  // html is sanitised by renderAnswerHtml: DOMPurify first, then only chip buttons built with DOM methods
  return <div className="markdown" onClick={handleClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
