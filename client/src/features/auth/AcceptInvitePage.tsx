import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ResponseOf } from '../../../../shared/api/contract.js';
import { invitesApi } from '../../../../shared/api/people.js';
import { call, errorMessage } from '../../api.js';
import { Logo } from '../../components/Logo.js';
import { FormMessages, TextField } from '../../components/Form.js';

type Preview = ResponseOf<typeof invitesApi.preview>;

/** `/invite/:token`: the invited person picks a name and password, then logs in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(invitesApi.preview, { body: { token } })
      .then(setPreview)
      .catch((err) => setError(errorMessage(err)));
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(invitesApi.accept, { body: { token, name: name.trim(), password } });
      navigate(`/login?email=${encodeURIComponent(preview?.email ?? '')}`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-side">
        <Logo />
        <h2>Welcome to RealBrand.</h2>
      </div>
      <form className="login-card" onSubmit={submit} aria-label="Accept invitation">
        <h1>Join {preview?.brokerageName ?? 'your brokerage'}</h1>
        {preview && (
          <p className="muted">
            You were invited as <strong>{preview.email}</strong> ({preview.role.replace('_', ' ')}).
          </p>
        )}
        <TextField
          label="Your name"
          name="name"
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={!preview}
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          disabled={!preview}
        />
        <FormMessages error={error} />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy || !preview}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="muted">
          Have an account? <Link to="/login">Log in</Link>
        </p>
      </form>
    </div>
  );
}

export default AcceptInvitePage;
