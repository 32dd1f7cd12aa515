import { plural } from '../../../lib/format';
import type { ImportReport, ImportRow } from '../api/types';

const STATUS_LABEL: Record<ImportRow['status'], string> = { imported: 'Imported', skipped: 'Skipped', failed: 'Failed' };

/**
 * What an import did: a one-line outcome, the counts, and — collapsible — the rows that were skipped or failed, with
 * the server's reason, and imported rows whose content sanitising changed. Opens by itself when a row failed.
 */
export function ImportReportView({ fileName, report }: { fileName: string; report: ImportReport }) {
  const listed = report.rows.filter((row) => row.status !== 'imported' || row.reason);
  return (
    <div className="import-report" data-testid="import-report">
      <p className="import-report__outcome" role="status">
        <strong>{fileName}:</strong> {outcome(report)}
      </p>
      <ul className="import-report__counts" aria-label="Import counts">
        <Count label="Imported" value={report.imported} testId="import-imported" />
        <Count label="Skipped" value={report.skipped} testId="import-skipped" />
        <Count label="Failed" value={report.failed} testId="import-failed" tone={report.failed > 0 ? 'failed' : undefined} />
        <Count label="Reviews" value={report.reviews} testId="import-reviews" />
      </ul>
      {(listed.length > 0 || report.rowsOmitted > 0) && (
        <details className="import-report__rows" open={report.failed > 0} data-testid="import-rows">
          <summary>{rowsSummary(report, listed)}</summary>
          {listed.length > 0 && (
            <ul className="import-rows">
              {listed.map((row) => (
                <li key={row.row} className={`import-row import-row--${row.status}`} data-testid="import-row" data-status={row.status}>
                  <span className="import-row__where">Row {row.row}</span>
                  <span className={`badge badge--import-${row.status}`}>{STATUS_LABEL[row.status]}</span>
                  <span className="import-row__reason">{row.reason ?? reasonFallback(row)}</span>
                </li>
              ))}
            </ul>
          )}
          {report.rowsOmitted > 0 && (
            <p className="meta" data-testid="rows-omitted">
              {plural(report.rowsOmitted, 'more row')} not listed (the report lists failed and skipped rows first).
            </p>
          )}
        </details>
      )}
    </div>
  );
}

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: string }) {
  return (
    <li className={`import-report__count${tone ? ` import-report__count--${tone}` : ''}`}>
      <span className="import-report__count-label">{label}</span>{' '}
      <strong data-testid={testId}>{value}</strong>
    </li>
  );
}

/** "12 cards imported with 40 past reviews; 3 already here were skipped; 1 row failed." */
export function outcome({ imported, skipped, failed, reviews }: ImportReport): string {
  if (imported + skipped + failed === 0) return 'The file held no cards.';
  const parts: string[] = [];
  if (imported > 0) parts.push(`${plural(imported, 'card')} imported${reviews > 0 ? ` with ${plural(reviews, 'past review')}` : ''}`);
  else parts.push('no new cards');
  if (skipped > 0) parts.push(`${skipped} already here ${skipped === 1 ? 'was' : 'were'} skipped`);
  if (failed > 0) parts.push(`${plural(failed, 'row')} failed`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function rowsSummary(report: ImportReport, listed: ImportRow[]): string {
  const problems = listed.filter((row) => row.status !== 'imported').length;
  const changed = listed.length - problems;
  const parts: string[] = [];
  if (problems > 0) parts.push(`${plural(problems, 'row')} skipped or failed`);
  if (changed > 0) parts.push(`${plural(changed, 'row')} imported with changes`);
  if (report.rowsOmitted > 0) parts.push(`${report.rowsOmitted} not listed`);
  return `Details: ${parts.join(', ')}`;
}

function reasonFallback(row: ImportRow): string {
  return row.status === 'skipped' ? 'Already here.' : row.status === 'failed' ? 'Could not be read.' : '';
}
