import { useEffect } from 'react';

/** Sets the tab title to "<title> · Groundwork" while the calling page is shown. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Groundwork` : 'Groundwork';
  }, [title]);
}
