import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { authApi } from '../../../../shared/api/auth.js';
import { call, errorMessage } from '../../api.js';
import { Logo } from '../../components/Logo.js';
import { FormMessages, TextField } from '../../components/Form.js';

function Shell({
  title,
  children,
  onSubmit,
  label,
}: {
  title: string;
  children: React.ReactNode;
  onSubmit: (e: FormEvent) => void;
  label: string;
}) {
  return (
    <div className="login-page">
      <div className="login-side">
        <Logo />
        <h2>Every listing, on brand.</h2>
      </div>
      <form className="login-card" onSubmit={onSubmit} aria-label={label}>
        <h1>{title}</h1>
        {children}
      </form>
    </div>
  );
}

/** `/forgot-password`: asks for a reset link by email (the answer never says whether the account exists). */
export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call(authApi.passwordReset, { body: { email: email.trim() } });
      setSent(r.message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell title="Reset your password" onSubmit={submit} label="Reset password">
      {sent ? (
        <p role="status">{sent}</p>
      ) : (
        <>
          <p className="muted">We email you a link to choose a new password.</p>
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FormMessages error={error} />
          <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Email me a reset link'}
          </button>
        </>
      )}
      <p className="muted login-links">
        <Link to="/login">Back to log in</Link>
      </p>
    </Shell>
  );
}

/** `/reset-password/:token`: the emailed link; a new password ends every session, then the person logs in. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(authApi.passwordResetPreview, { body: { token } })
      .then((r) => setEmail(r.email))
      .catch((err) => {
        setInvalid(true);
        setError(errorMessage(err));
      });
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) {
      setError('The two passwords differ');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await call(authApi.passwordResetComplete, { body: { token, password } });
      navigate(`/login?email=${encodeURIComponent(r.email)}&reset=1`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell title="Choose a new password" onSubmit={submit} label="New password">
      {email && (
        <p className="muted">
          For <strong>{email}</strong>. Setting it signs you out everywhere.
        </p>
      )}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        disabled={invalid}
      />
      <TextField
        label="Repeat it"
        name="confirm"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        disabled={invalid}
      />
      <FormMessages error={error} />
      <button className="btn btn-primary btn-block" type="submit" disabled={busy || invalid}>
        {busy ? 'Saving…' : 'Set the new password'}
      </button>
      <p className="muted login-links">
        {invalid ? <Link to="/forgot-password">Ask for a new link</Link> : <Link to="/login">Back to log in</Link>}
      </p>
    </Shell>
  );
}
