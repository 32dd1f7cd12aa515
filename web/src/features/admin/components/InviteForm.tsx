import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/ui/CopyButton';
import { ChoiceField, TextField, type Choice } from '../../../components/ui/Field';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { createInvite } from '../api/admin-api';
import type { Invite, Role } from '../api/types';

const ROLES: readonly Choice<Role>[] = [
  { value: 'learner', label: 'Learner', hint: 'Studies: roadmaps, chat, cards, reviews, interviews.' },
  { value: 'admin', label: 'Admin', hint: 'Also manages users, invites and settings.' },
];

/** Makes an invite (optionally for one e-mail) and shows its link to send to the person, with a copy button. */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('learner');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const trimmed = email.trim();
      setInvite(await createInvite(trimmed ? { email: trimmed, role } : { role }));
      setEmail('');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  const link = invite ? `${window.location.origin}${invite.path}` : '';
  return (
    <section className="page-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form className="invite-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending} data-testid="invite-form">
        <TextField
          label="E-mail (optional)"
          name="invite-email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          hint="Groundwork sends no mail: you send the link yourself."
        />
        <ChoiceField legend="Role" name="invite-role" choices={ROLES} value={role} onChange={setRole} disabled={pending} />
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      {invite && (
        <div className="invite-link" role="status" data-testid="invite-link-panel">
          <p>
            Send this link to the person you invite. It works once and expires {formatDateTime(invite.expiresAt)}.
          </p>
          <div className="token-secret__value">
            <input className="field__input" readOnly value={link} aria-label="Invite link" data-testid="invite-link" onFocus={(event) => event.target.select()} />
            <CopyButton text={link} testId="invite-copy" />
          </div>
        </div>
      )}
    </section>
  );
}
