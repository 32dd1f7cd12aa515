import { useState, type FormEvent } from 'react';
import { ChoiceField, TextField, type Choice } from '../../../components/ui/Field';
import { errorMessage } from '../../../lib/api-client';
import { createToken } from '../api/account-api';
import type { CreatedToken, TokenScope } from '../api/types';

const SCOPES: readonly Choice<TokenScope>[] = [
  { value: 'read', label: 'Read and ask', hint: 'Reads roadmaps and asks questions (the chat and /v1/chat/completions). Enough for a chat app.' },
  { value: 'read-write', label: 'Read and write', hint: 'Everything you can do in the app: cards, reviews, interviews, imports.' },
];
const MAX_DAYS = 3650;

/** Names a new personal API token, picks its scope and an optional lifetime in days, and creates it. */
export function NewTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<{ name?: string; days?: string }>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresInDays = days.trim() ? Number(days) : null;
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Name the token after what will use it, e.g. “laptop script”.';
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
      found.days = `A whole number of days from 1 to ${MAX_DAYS}, or empty.`;
    }
    setErrors(found);
    if (found.name || found.days) return;
    setPending(true);
    setFailure(null);
    try {
      onCreated(await createToken({ name: name.trim(), scope, expiresInDays }));
      setName('');
      setDays('');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="token-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending} data-testid="token-form">
      <h3>New token</h3>
      <TextField label="Name" name="token-name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={100} />
      <ChoiceField legend="Scope" name="token-scope" choices={SCOPES} value={scope} onChange={setScope} disabled={pending} />
      <TextField
        label="Expires after (days)"
        name="token-days"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_DAYS}
        value={days}
        onChange={(event) => setDays(event.target.value)}
        error={errors.days}
        hint="Leave empty for a token that lasts until you revoke it."
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}
