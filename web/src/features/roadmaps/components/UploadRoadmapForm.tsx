import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { existingRoadmap, uploadRoadmap, type ExistingRoadmap, type UploadMode } from '../api/roadmaps-api';

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading' }
  | { status: 'failed'; message: string }
  /** A different roadmap has the file's title: the person chooses to update it or import the file as new. */
  | { status: 'exists'; existing: ExistingRoadmap; file: File };

const ACCEPTED = '.md,.markdown,.txt,text/markdown,text/plain';

/**
 * Imports a roadmap file and opens it; a rejected file shows the server's ProblemDetail `detail`. When a different
 * roadmap with the same title is stored, offers to update that roadmap with the file or to import it as a new one.
 */
export function UploadRoadmapForm() {
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const conflictId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const uploading = state.status === 'uploading';

  async function send(chosen: File, mode: UploadMode) {
    setState({ status: 'uploading' });
    try {
      const roadmap = await uploadRoadmap(chosen, mode);
      navigate(`/roadmaps/${encodeURIComponent(roadmap.id)}`, { state: { skippedLinks: roadmap.skippedLinks ?? [] } });
    } catch (error) {
      const existing = mode.as === 'title' ? existingRoadmap(error) : null;
      setState(existing ? { status: 'exists', existing, file: chosen } : { status: 'failed', message: errorMessage(error) });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setState({ status: 'failed', message: 'Choose a roadmap file first.' });
      return;
    }
    void send(file, { as: 'title' });
  }

  const failed = state.status === 'failed';
  const exists = state.status === 'exists';
  return (
    <form className="card upload-form" onSubmit={onSubmit} aria-busy={uploading} data-testid="upload-form">
      <label htmlFor={inputId} className="upload-form__label">
        Roadmap file
      </label>
      <p id={hintId} className="hint">
        A Markdown or plain-text study plan (.md, .markdown or .txt).
      </p>
      <div className="upload-form__row">
        <input
          id={inputId}
          name="file"
          type="file"
          accept={ACCEPTED}
          aria-describedby={failed ? `${hintId} ${errorId}` : hintId}
          aria-invalid={failed || undefined}
          disabled={uploading}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            if (failed || exists) setState({ status: 'idle' });
          }}
        />
        <button type="submit" className="button" disabled={uploading || exists}>
          {uploading ? 'Importing…' : 'Import roadmap'}
        </button>
      </div>
      {failed && (
        <p id={errorId} className="form-error" role="alert" data-testid="upload-error">
          {state.message}
        </p>
      )}
      {exists && (
        <div className="upload-form__conflict" role="group" aria-labelledby={conflictId} data-testid="upload-conflict">
          <p id={conflictId} role="alert">
            A different roadmap titled “{state.existing.title}” is already stored. Update it with this file, or
            import the file as a new roadmap?
          </p>
          <div className="upload-form__row">
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => void send(state.file, { as: 'update', id: state.existing.id })}
            >
              Update “{state.existing.title}”
            </button>
            <button type="button" className="button button--secondary" onClick={() => void send(state.file, { as: 'new' })}>
              Import as a new roadmap
            </button>
            <button type="button" className="button button--secondary" onClick={() => setState({ status: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
