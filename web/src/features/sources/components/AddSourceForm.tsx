import { useId, useRef, useState, type FormEvent } from 'react';
import { ChoiceField, TextField } from '../../../components/ui/Field';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { isWebUrl } from '../../../lib/urls';
import { addSource, MAX_FILE_BYTES, SOURCE_ACCEPT } from '../api/sources-api';
import type { NewSource, TopicSource } from '../api/types';

type Mode = 'link' | 'file' | 'text';

const MODES = [
  { value: 'link', label: 'Link', hint: 'A web page, a docs site or a PDF online.' },
  { value: 'file', label: 'File', hint: 'PDF, Word (.docx), Markdown, HTML or plain text.' },
  { value: 'text', label: 'Text', hint: 'Notes of your own, pasted with a title.' },
] as const;

const MAX_TITLE = 300;
const EXTENSIONS = SOURCE_ACCEPT.split(',');

type SendState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'added'; title: string }
  /** Nothing was added: `title` names the problem, `message` is the server's detail. */
  | { status: 'failed'; title: string; message: string };

/**
 * "Add a source": a link, a file or pasted text for the topic. Checks what it can before sending (a web URL, a file of
 * an accepted kind within the size limit, a title and text), and shows the server's problem when it refuses.
 */
export function AddSourceForm({ topicId, onAdded }: { topicId: string; onAdded: (source: TopicSource) => void }) {
  const headingId = useId();
  const fileId = useId();
  const textId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>('link');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [state, setState] = useState<SendState>({ status: 'idle' });
  const sending = state.status === 'sending';

  function checked(): NewSource | string {
    if (title.trim().length > MAX_TITLE) return `Keep the title under ${MAX_TITLE} characters.`;
    if (mode === 'link') {
      return isWebUrl(url.trim()) ? { kind: 'link', url: url.trim(), title: title.trim() || undefined }
        : 'Enter a web address starting with http:// or https://.';
    }
    if (mode === 'file') {
      if (!file) return 'Choose a file first.';
      if (!EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) {
        return `Files of this kind cannot be added; choose ${EXTENSIONS.join(', ')}.`;
      }
      if (file.size === 0) return 'The file is empty.';
      if (file.size > MAX_FILE_BYTES) return `The file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB.`;
      return { kind: 'file', file, title: title.trim() || undefined };
    }
    if (!title.trim()) return 'Give the text a title.';
    if (!text.trim()) return 'Paste or write some text first.';
    return { kind: 'text', title: title.trim(), text };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const source = checked();
    if (typeof source === 'string') {
      setInvalid(source);
      return;
    }
    setInvalid(null);
    setState({ status: 'sending' });
    try {
      const added = await addSource(topicId, source);
      setState({ status: 'added', title: added.title });
      setUrl('');
      setTitle('');
      setText('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onAdded(added);
    } catch (error) {
      const problemTitle = isApiError(error) && error.problem.title ? error.problem.title : 'Could not add the source';
      setState({ status: 'failed', title: problemTitle, message: errorMessage(error) });
    }
  }

  function edited() {
    setInvalid(null);
    if (state.status === 'failed' || state.status === 'added') setState({ status: 'idle' });
  }

  return (
    <form className="add-source" onSubmit={onSubmit} aria-busy={sending} aria-labelledby={headingId} noValidate
      data-testid="add-source-form">
      <h3 id={headingId} className="add-source__title">Add a source</h3>
      <ChoiceField legend="What to add" name="source-kind" choices={MODES} value={mode} disabled={sending}
        onChange={(value) => { setMode(value); edited(); }} />
      {mode === 'link' && (
        <TextField label="Web address" type="url" inputMode="url" placeholder="https://…" value={url} disabled={sending}
          onChange={(event) => { setUrl(event.target.value); edited(); }} />
      )}
      {mode === 'file' && (
        <div className="field">
          <label className="field__label" htmlFor={fileId}>File</label>
          <input ref={fileInput} id={fileId} className="field__input" type="file" accept={SOURCE_ACCEPT} disabled={sending}
            onChange={(event) => { setFile(event.target.files?.[0] ?? null); edited(); }} />
          <p className="hint">Up to {MAX_FILE_BYTES / (1024 * 1024)} MB.</p>
        </div>
      )}
      <TextField label={mode === 'text' ? 'Title' : 'Title (optional)'} value={title} maxLength={MAX_TITLE}
        disabled={sending} onChange={(event) => { setTitle(event.target.value); edited(); }} />
      {mode === 'text' && (
        <div className="field">
          <label className="field__label" htmlFor={textId}>Text</label>
          <textarea id={textId} className="field__input add-source__text" rows={6} value={text} disabled={sending}
            onChange={(event) => { setText(event.target.value); edited(); }} />
          <p className="hint">Markdown headings and lists are kept.</p>
        </div>
      )}
      <div className="add-source__actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Adding…' : 'Add source'}
        </button>
      </div>
      {invalid && (
        <p className="form-error" role="alert" data-testid="add-source-invalid">{invalid}</p>
      )}
      {state.status === 'failed' && (
        <div className="form-error" role="alert" data-testid="add-source-error">
          <strong>{state.title}</strong>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'added' && (
        <p className="status" role="status" data-testid="add-source-added">
          Added “{state.title}”. It is read and indexed in the background.
        </p>
      )}
    </form>
  );
}
