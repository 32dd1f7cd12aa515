import type { ImportReport } from '../api/types';

/** Test data shaped like the import endpoint's answers; used by unit tests only. */

export function importReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    imported: 3,
    skipped: 1,
    failed: 1,
    reviews: 12,
    rows: [
      { row: 2, status: 'skipped', reason: 'A card with the same content is already in this roadmap.', cardId: null },
      { row: 4, status: 'failed', reason: 'The note has no back.', cardId: null },
      { row: 1, status: 'imported', reason: null, cardId: 'card-1' },
      { row: 3, status: 'imported', reason: 'A script was removed from the front.', cardId: 'card-3' },
      { row: 5, status: 'imported', reason: null, cardId: 'card-5' },
    ],
    rowsOmitted: 0,
    ...overrides,
  };
}
