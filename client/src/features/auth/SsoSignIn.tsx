import { useEffect, useState, type FormEvent } from 'react';
import { ssoApi } from '../../../../shared/api/sso.js';
import { call, errorMessage } from '../../api.js';
import { ssoStartUrl } from './sso.js';
import { FormMessages, TextField } from '../../components/Form.js';

/**
 * "Sign in with SSO": by work email (its domain names the brokerage) or, with `brokerageId`
 * (the link admins hand out, `/login?sso=<id>`), straight away. The browser then goes to the
 * brokerage's identity provider and comes back signed in (or with `?sso_error=`).
 */
export function SsoSignIn({
  initialEmail,
  brokerageId,
  next,
  onCancel,
}: {
  initialEmail: string;
  brokerageId: string | null;
  next: string;
  onCancel: () => void;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(Boolean(brokerageId));

  async function go(query: { email: string } | { brokerageId: string }) {
    setBusy(true);
    setError(null);
    try {
      const found = await call(ssoApi.discover, { body: query });
      window.location.assign(ssoStartUrl(found.startUrl, next));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  useEffect(() => {
    if (brokerageId) void go({ brokerageId });
    // Once, for the link's brokerage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [brokerageId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void go({ email: email.trim() });
  }

  return (
    <form className="login-card" onSubmit={submit} aria-label="Sign in with SSO">
      <h1>Sign in with SSO</h1>
      <p className="muted">Use your organisation’s sign-in. We find it from your work email.</p>
      <TextField
        label="Work email"
        name="sso-email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormMessages error={error} />
      <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
        {busy ? 'Redirecting…' : 'Continue'}
      </button>
      <p className="muted login-links">
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
          Log in with a password instead
        </button>
      </p>
    </form>
  );
}
