import { useEffect, useState } from 'react';

type Copy = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so for a moment. Where the browser offers no clipboard (plain http on a
 * LAN address is not a secure context) it asks the person to select and copy the text themselves.
 */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [copy, setCopy] = useState<Copy>('idle');
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  async function onClick() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--secondary copy-button__button" data-testid={testId} onClick={() => void onClick()}>
        {copy === 'copied' ? 'Copied' : label}
      </button>
      <span className="hint" role="status" aria-live="polite">
        {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'Copying is blocked here: select the text and copy it.' : ''}
      </span>
    </span>
  );
}
