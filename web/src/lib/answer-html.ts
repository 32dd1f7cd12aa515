import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { isWebUrl } from './urls';

/**
 * Turns an answer's Markdown into HTML that is safe to insert: model output and the fetched text it quotes may
 * contain HTML and scripts, so marked's output goes through DOMPurify with a short allow-list (no images, forms,
 * styles, event handlers or data attributes). Only afterwards are citation markers `[n]` of known sources replaced
 * by chip buttons built here; markers in code, links and of unknown sources stay text.
 */
const markdown = new Marked({ gfm: true, breaks: false });

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
];
const ALLOWED_ATTR = ['href', 'title', 'start', 'align'];
const MARKER = /\[(\d{1,4})\]/g;
/** Where a marker is not a citation: code shows it literally, and a button may not sit inside a link. */
const NO_CHIPS = 'code, pre, kbd, a';

/** The chip's data attribute: the source number it opens. */
export const CHIP_ATTRIBUTE = 'data-n';

export function renderAnswerHtml(text: string, sourceTitles: ReadonlyMap<number, string>): string {
  const html = markdown.parse(text, { async: false });
  const body = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM: true,
  }) as HTMLElement;
  openLinksOutside(body);
  addCitationChips(body, sourceTitles);
  return body.innerHTML;
}

/** Web links open in a new tab without access to this page; any other link becomes its text. */
function openLinksOutside(root: HTMLElement) {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    if (isWebUrl(link.getAttribute('href'))) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    } else {
      link.replaceWith(...Array.from(link.childNodes));
    }
  }
}

function addCitationChips(root: HTMLElement, sourceTitles: ReadonlyMap<number, string>) {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const candidates: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    MARKER.lastIndex = 0;
    if (MARKER.test(text.data) && !text.parentElement?.closest(NO_CHIPS)) candidates.push(text);
  }
  for (const text of candidates) {
    const parts: (string | Node)[] = [];
    let last = 0;
    for (const match of text.data.matchAll(MARKER)) {
      const n = Number(match[1]);
      const title = sourceTitles.get(n);
      if (title === undefined) continue;
      parts.push(text.data.slice(last, match.index), chip(document, n, title));
      last = match.index + match[0].length;
    }
    if (last === 0) continue;
    parts.push(text.data.slice(last));
    text.replaceWith(...parts.filter((part) => part !== ''));
  }
}

function chip(document: Document, n: number, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'citation-chip';
  button.setAttribute('data-testid', 'citation-chip');
  button.setAttribute(CHIP_ATTRIBUTE, String(n));
  button.setAttribute('aria-label', `Source ${n}: ${title}`);
  button.title = title;
  button.textContent = String(n);
  return button;
}
