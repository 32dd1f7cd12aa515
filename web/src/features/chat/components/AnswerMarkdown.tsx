import { useMemo, type MouseEvent } from 'react';
import type { AnswerSource } from '../api/types';
import { CHIP_ATTRIBUTE, renderAnswerHtml } from './answer-html';

interface AnswerMarkdownProps {
  text: string;
  sources: AnswerSource[];
  /** Called with the source number when a citation chip is clicked. */
  onCite: (n: number) => void;
}

/** The answer as sanitised Markdown with its citation markers as chips (see {@link renderAnswerHtml}). */
export function AnswerMarkdown({ text, sources, onCite }: AnswerMarkdownProps) {
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
