import { apiFetch } from '../../../lib/api-client';
import type { ExchangeScope, ExportFormat, ImportReport } from './types';

/** The file types an import takes: Anki packages and collections, and Anki's CSV/TSV text. */
export const IMPORT_ACCEPT = '.apkg,.colpkg,.csv,.tsv,.txt';

function cardsPath(scope: ExchangeScope): string {
  return `/api/${scope.kind === 'roadmap' ? 'roadmaps' : 'topics'}/${encodeURIComponent(scope.id)}/cards`;
}

/** Where the browser downloads the scope's cards; the server names the file (`<roadmap>-<topic>.apkg`). */
export function exportUrl(scope: ExchangeScope, format: ExportFormat): string {
  return `${cardsPath(scope)}/export?format=${format}`;
}

/**
 * Uploads `file` as the multipart part `file`. A roadmap places each card on the topic its deck or Groundwork tag
 * names; a topic takes every card. A file that cannot be imported at all rejects with an ApiError whose `detail`
 * says why (nothing was imported then).
 */
export function importCards(scope: ExchangeScope, file: File, signal?: AbortSignal): Promise<ImportReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiFetch<ImportReport>(`${cardsPath(scope)}/import`, { method: 'POST', body, signal });
}
