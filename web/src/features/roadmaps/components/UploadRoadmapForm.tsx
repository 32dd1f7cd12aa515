import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { uploadRoadmap } from '../api/roadmaps-api';

type UploadState = { status: 'idle' } | { status: 'uploading' } | { status: 'failed'; message: string };

const ACCEPTED = '.md,.markdown,.txt,text/markdown,text/plain';

/** Imports a roadmap file and opens it; a rejected file shows the server's ProblemDetail `detail`. */
export function UploadRoadmapForm() {
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const uploading = state.status === 'uploading';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setState({ status: 'failed', message: 'Choose a roadmap file first.' });
      return;
    }
    setState({ status: 'uploading' });
    try {
      const roadmap = await uploadRoadmap(file);
      navigate(`/roadmaps/${encodeURIComponent(roadmap.id)}`);
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error) });
    }
  }

  const failed = state.status === 'failed';
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
            if (failed) setState({ status: 'idle' });
          }}
        />
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? 'Importing…' : 'Import roadmap'}
        </button>
      </div>
      {failed && (
        <p id={errorId} className="form-error" role="alert" data-testid="upload-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
