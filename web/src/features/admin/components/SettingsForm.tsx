import { useEffect, useState, type FormEvent } from 'react';
import { ChoiceField, type Choice } from '../../../components/ui/Field';
import { ResourceView } from '../../../components/ui/ResourceView';
import { errorMessage } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { getSettings, saveSettings } from '../api/admin-api';
import type { Settings } from '../api/types';

const REGISTRATION: readonly Choice<Settings['registration']>[] = [
  { value: 'invite', label: 'By invite only', hint: 'People join with an invite link from an admin.' },
  { value: 'open', label: 'Open', hint: 'Anyone who reaches this Groundwork can create an account.' },
];
const IMPORTS: readonly Choice<Settings['imports']>[] = [
  { value: 'learners', label: 'Every learner', hint: 'Anyone signed in may import roadmaps and start ingestion.' },
  { value: 'admins', label: 'Admins only', hint: 'Learners study the roadmaps admins import.' },
];

type Save = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

/** Who may register and who may import roadmaps. */
export function SettingsForm() {
  const { resource, reload, update } = useResource(getSettings);
  return (
    <section className="page-section" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <ResourceView resource={resource} onRetry={reload} loadingLabel="Loading settings…" errorTitle="Could not load the settings">
        {(settings) => <SettingsEditor settings={settings} onSaved={(saved) => update(() => saved)} />}
      </ResourceView>
    </section>
  );
}

function SettingsEditor({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useState(settings);
  const [save, setSave] = useState<Save>({ status: 'idle' });
  useEffect(() => setDraft(settings), [settings]);
  const change = (next: Partial<Settings>) => {
    setDraft((current) => ({ ...current, ...next }));
    setSave({ status: 'idle' });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSave({ status: 'saving' });
    try {
      onSaved(await saveSettings(draft));
      setSave({ status: 'saved' });
    } catch (error) {
      setSave({ status: 'failed', message: errorMessage(error) });
    }
  }

  const unchanged = draft.registration === settings.registration && draft.imports === settings.imports;
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} data-testid="settings-form">
      <ChoiceField legend="Registration" name="registration" choices={REGISTRATION} value={draft.registration} onChange={(registration) => change({ registration })} />
      <ChoiceField legend="Importing roadmaps" name="imports" choices={IMPORTS} value={draft.imports} onChange={(imports) => change({ imports })} />
      <div className="settings-form__actions">
        <button type="submit" className="button" disabled={save.status === 'saving' || unchanged}>
          {save.status === 'saving' ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" className="hint" data-testid="settings-status">
          {save.status === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
      {save.status === 'failed' && (
        <p className="form-error" role="alert">
          {save.message}
        </p>
      )}
    </form>
  );
}
