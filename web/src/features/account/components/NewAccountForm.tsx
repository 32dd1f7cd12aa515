import { useState, type FormEvent, type ReactNode } from 'react';
import { TextField } from '../../../components/ui/Field';
import { errorMessage } from '../../../lib/api-client';
import type { NewAccount } from '../api/types';
import { PASSWORD_MAX, PASSWORD_MIN } from './navigation';

type Field = 'username' | 'email' | 'password' | 'confirm';
type Errors = Partial<Record<Field, string>>;

/** What is wrong with the form's values, field by field; empty when it may be sent. */
export function checkNewAccount(values: Record<Field, string>): Errors {
  const errors: Errors = {};
  if (!values.username.trim()) errors.username = 'Choose a username.';
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) errors.email = 'This does not look like an e-mail address.';
  if (values.password.length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (values.password.length > PASSWORD_MAX) errors.password = `Use at most ${PASSWORD_MAX} characters.`;
  if (!errors.password && values.confirm !== values.password) errors.confirm = 'The passwords differ.';
  return errors;
}

/**
 * Username, optional e-mail, password and its confirmation, checked here before sending. A rejection from the server
 * shows its `detail`; `explain` may add a way out (a link to the login page) for it.
 */
export function NewAccountForm({
  submitLabel,
  onSubmit,
  explain,
}: {
  submitLabel: string;
  onSubmit: (account: NewAccount) => Promise<void>;
  explain?: (error: unknown) => ReactNode;
}) {
  const [values, setValues] = useState<Record<Field, string>>({ username: '', email: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewAccount(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFailure(null);
    try {
      const email = values.email.trim();
      await onSubmit({ username: values.username.trim(), ...(email ? { email } : {}), password: values.password });
    } catch (error) {
      setFailure(error);
      setPending(false);
    }
  }

  return (
    <form className="auth-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <TextField label="Username" name="username" autoComplete="username" value={values.username} onChange={change('username')} error={errors.username} maxLength={100} required />
      <TextField
        label="E-mail (optional)"
        name="email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={change('email')}
        error={errors.email}
        hint="You can sign in with it instead of the username."
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={change('password')}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a good one.`}
        required
      />
      <TextField
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={change('confirm')}
        error={errors.confirm}
        required
      />
      {failure !== null && (
        <div className="form-error" role="alert" data-testid="account-form-error">
          <p>{errorMessage(failure)}</p>
          {explain?.(failure)}
        </div>
      )}
      <button type="submit" className="button auth-form__submit" disabled={pending}>
        {pending ? 'Working…' : submitLabel}
      </button>
    </form>
  );
}
