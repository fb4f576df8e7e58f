import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api.js';
import { safeNext, useAuth } from '../../auth.js';
import { Logo } from '../../components/Logo.js';
import { ssoErrorMessage } from './sso.js';
import { SsoSignIn } from './SsoSignIn.js';

export function LoginPage() {
  const { user, loading, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  /** Shown once the server says this account has two-factor on. */
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  // Back from the identity provider with a refusal: say why.
  const [error, setError] = useState<string | null>(() => (params.get('sso_error') ? ssoErrorMessage(params.get('sso_error')!) : null));
  const [busy, setBusy] = useState(false);
  /** "Sign in with SSO" (by email), or straight away for a brokerage's link (`?sso=<brokerage id>`). */
  const [sso, setSso] = useState(Boolean(params.get('sso')));

  if (!loading && user) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password, needsCode ? code.trim() : undefined);
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') {
        setNeedsCode(true);
      } else {
        setError(errorMessage(err));
        if (err instanceof ApiError && err.code === 'invalid_totp') setCode('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-side">
        <Logo />
        <h2>Every listing, on brand.</h2>
        <p>
          Design flyers, open-house signs and social posts together in real time — with your brokerage's colours, fonts and compliance built
          in.
        </p>
      </div>
      {sso ? (
        <SsoSignIn initialEmail={email} brokerageId={params.get('sso')} next={next} onCancel={() => setSso(false)} />
      ) : (
        <form className="login-card" onSubmit={submit} aria-label="Log in">
          <h1>Log in</h1>
          <p className="muted">Use your brokerage account.</p>
          <label className="field">
            <span>Email</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus={!email}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              readOnly={needsCode}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus={Boolean(email) && !needsCode}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              readOnly={needsCode}
            />
          </label>
          {needsCode && (
            <label className="field">
              <span>Authentication code</span>
              <input
                name="code"
                autoComplete="one-time-code"
                inputMode="text"
                required
                autoFocus
                maxLength={32}
                placeholder="123456"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-describedby="code-help"
              />
              <small id="code-help" className="muted">
                The six digits from your authenticator app, or one of your recovery codes.
              </small>
            </label>
          )}
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
          <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
            {busy ? 'Logging in…' : needsCode ? 'Verify and log in' : 'Log in'}
          </button>
          <p className="muted login-links">
            <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`}>Forgot your password?</Link>
          </p>
          <button className="btn btn-block" type="button" onClick={() => setSso(true)}>
            Sign in with SSO
          </button>
        </form>
      )}
    </div>
  );
}
