import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isAbortError, isApiError } from '../../../lib/api-client';
import { importCards } from '../api/exchange-api';
import type { ExchangeScope, ImportReport } from '../api/types';

const ANKI_TOO_NEW = 'urn:groundwork:problem:import-anki-too-new';

export type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; fileName: string }
  | { status: 'done'; fileName: string; report: ImportReport }
  /** Nothing was imported: `title` names the kind of problem, `message` is the server's detail. */
  | { status: 'failed'; fileName: string; title: string; message: string };

/**
 * One import at a time into `scope`. `onImported` runs after an import that stored cards, so the page can load its
 * cards and due counts again. Leaving the page aborts an import still being answered.
 */
export function useCardImport(scope: ExchangeScope, onImported?: (report: ImportReport) => void) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const notify = useRef(onImported);
  notify.current = onImported;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ status: 'importing', fileName: file.name });
      try {
        const report = await importCards(scope, file, current.signal);
        if (current.signal.aborted) return;
        setState({ status: 'done', fileName: file.name, report });
        if (report.imported > 0) notify.current?.(report);
      } catch (error) {
        if (current.signal.aborted || isAbortError(error)) return;
        setState({ status: 'failed', fileName: file.name, title: failureTitle(error, file.name), message: errorMessage(error) });
      }
    },
    [scope.kind, scope.id],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, reset };
}

/** A heading for the server's detail, which says what went wrong and that nothing was imported. */
function failureTitle(error: unknown, fileName: string): string {
  if (isApiError(error) && error.problem.type === ANKI_TOO_NEW) return 'This Anki package is in a format too new to read';
  if (isApiError(error) && error.status === 413) return `${fileName} is too large`;
  if (isApiError(error) && error.status === 0) return 'The server could not be reached';
  return `Could not import ${fileName}`;
}
