import { useId, useRef, useState, type FormEvent } from 'react';
import { exportUrl, IMPORT_ACCEPT } from '../api/exchange-api';
import type { ExchangeScope, ImportReport } from '../api/types';
import { useCardImport } from '../hooks/useCardImport';
import { ImportReportView } from './ImportReportView';

export interface ExchangePanelProps {
  scope: ExchangeScope;
  /** Runs after an import stored cards: the page loads its cards and due counts again. */
  onImported?: (report: ImportReport) => void;
}

/**
 * "Anki & CSV": download the scope's cards as an Anki package or as Anki's CSV text, and import cards from either (or
 * from a TSV or Anki collection) with a report of what was imported, skipped as already here, or failed and why.
 */
export function ExchangePanel(props: ExchangePanelProps) {
  return <Exchange key={`${props.scope.kind}:${props.scope.id}`} {...props} />;
}

function Exchange({ scope, onImported }: ExchangePanelProps) {
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const { state, start, reset } = useCardImport(scope, onImported);
  const importing = state.status === 'importing';
  const failed = state.status === 'failed';
  const what = scope.kind === 'roadmap' ? 'this roadmap' : 'this topic';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    void start(file);
  }

  return (
    <section className="card exchange" aria-labelledby={headingId} data-testid="exchange-panel">
      <h2 id={headingId} className="exchange__title">
        Anki &amp; CSV
      </h2>
      <div className="exchange__row" role="group" aria-label="Export">
        <span className="exchange__label" aria-hidden="true">
          Export
        </span>
        <a className="button button--secondary exchange__link" href={exportUrl(scope, 'apkg')} download data-testid="export-apkg">
          Anki package (.apkg)
        </a>
        <a className="button button--secondary exchange__link" href={exportUrl(scope, 'csv')} download data-testid="export-csv">
          CSV for Anki
        </a>
        <p className="hint exchange__hint">
          The cards of {what}
          {scope.kind === 'topic' ? ' and its subtopics' : ''}; the package keeps their schedules and review history.
        </p>
      </div>
      <form className="exchange__row" onSubmit={onSubmit} aria-busy={importing} data-testid="import-form">
        <label htmlFor={inputId} className="exchange__label">
          Import
        </label>
        <input
          ref={input}
          id={inputId}
          className="exchange__file"
          name="file"
          type="file"
          accept={IMPORT_ACCEPT}
          aria-describedby={failed || missing ? `${hintId} ${errorId}` : hintId}
          aria-invalid={failed || missing || undefined}
          disabled={importing}
          data-testid="import-file"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
            if (state.status !== 'importing') reset();
          }}
        />
        <button type="submit" className="button exchange__submit" disabled={importing} data-testid="import-button">
          {importing ? 'Importing…' : 'Import cards'}
        </button>
        <p id={hintId} className="hint exchange__hint">
          An Anki package (.apkg, .colpkg) or Anki CSV/TSV text.{' '}
          {scope.kind === 'roadmap'
            ? 'Each card goes on the topic its deck or Groundwork tag names, else on the first topic.'
            : 'Every card goes on this topic.'}{' '}
          Cards already here are skipped.
        </p>
      </form>

      {importing && (
        <p className="status status--loading exchange__progress" role="status" data-testid="import-progress">
          <span className="spinner" aria-hidden="true" />
          Importing {state.fileName}… a large package takes a moment.
        </p>
      )}
      {missing && (
        <p id={errorId} className="form-error" role="alert">
          Choose a file to import first.
        </p>
      )}
      {failed && (
        <div id={errorId} className="form-error exchange__error" role="alert" data-testid="import-error">
          <strong>{state.title}</strong>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'done' && <ImportReportView fileName={state.fileName} report={state.report} />}
    </section>
  );
}
