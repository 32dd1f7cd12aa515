/** Shapes of the card export and import endpoints (see "Cards to Anki and back" in the README). */

/** Whose cards: a whole roadmap's, or a topic's with the topics below it. */
export interface ExchangeScope {
  kind: 'roadmap' | 'topic';
  id: string;
}

/** `apkg`: an Anki package with schedules and review history; `csv`: Anki's text format, without schedules. */
export type ExportFormat = 'apkg' | 'csv';

export type ImportRowStatus = 'imported' | 'skipped' | 'failed';

/**
 * One note of a package or one data row of a text file. `reason` says why it was skipped (a duplicate) or failed, or,
 * for an imported row, what sanitising removed; null when there is nothing to say.
 */
export interface ImportRow {
  row: number;
  status: ImportRowStatus;
  reason: string | null;
  cardId: string | null;
}

/**
 * `POST …/cards/import`: counts for the whole file. `rows` lists failed and skipped rows before imported ones and at
 * most the server's `max-report-rows`; `rowsOmitted` counts the rows left out.
 */
export interface ImportReport {
  imported: number;
  skipped: number;
  failed: number;
  /** Review-log rows imported with the cards (from an Anki package). */
  reviews: number;
  rows: ImportRow[];
  rowsOmitted: number;
}
