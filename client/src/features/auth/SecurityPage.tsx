import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call, errorMessage } from '../../api.js';
import { accountApi, type TotpEnrolment } from '../../../../shared/api/account.js';
import { authApi } from '../../../../shared/api/auth.js';
import { useAuth, useUser } from '../../auth.js';
import { FormMessages, TextField } from '../../components/Form.js';

/** `/account/security`: password change, two-factor enrolment, sign out everywhere. */
export function SecurityPage() {
  const me = useUser();
  const { reload, expire } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Password change
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');

  // Two-factor
  const [totpOn, setTotpOn] = useState<boolean | null>(null);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [disablePassword, setDisablePassword] = useState('');

  const load = useCallback(async () => {
    try {
      setTotpOn((await call(accountApi.totp)).enabled);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function act(work: () => Promise<void>) {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const changePassword = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await call(accountApi.changePassword, { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setNotice('Password changed. Your other sessions were signed out.');
    });
  };

  const startEnrolment = () =>
    act(async () => {
      setEnrolment(await call(accountApi.totpSetup));
      setCode('');
    });

  const confirmEnrolment = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await call(accountApi.totpEnable, { body: { code: code.trim() } });
      setRecoveryCodes(r.recoveryCodes);
      setEnrolment(null);
      setTotpOn(true);
      await reload();
    });
  };

  const disable = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await call(accountApi.totpDisable, { body: { password: disablePassword } });
      setDisablePassword('');
      setTotpOn(false);
      setNotice('Two-factor sign-in is off.');
    });
  };

  const signOutEverywhere = () =>
    act(async () => {
      if (!window.confirm('Sign out on every device, this one included?')) return;
      await call(authApi.logoutAll);
      expire();
      navigate('/login', { replace: true });
    });

  return (
    <div className="page">
      <main className="page-main workflow-page account-page">
        <div className="page-title-row">
          <h1>Account security</h1>
          <span className="muted">{me.email}</span>
        </div>
        {(me.mustEnrolTotp || params.get('required')) && !totpOn && (
          <div className="form-error" role="alert">
            {me.brokerageName} requires two-factor sign-in. Set it up below to continue.
          </div>
        )}
        <FormMessages error={error} notice={notice} />

        <section aria-label="Two-factor sign-in">
          <h2>Two-factor sign-in</h2>
          {recoveryCodes && (
            <div className="recovery-codes" data-testid="recovery-codes">
              <p>
                <strong>Two-factor is on.</strong> Keep these recovery codes somewhere safe: each signs you in once if you lose your phone.
                They are shown only now.
              </p>
              <ol>
                {recoveryCodes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ol>
              <button
                className="btn btn-small"
                type="button"
                onClick={() => void navigator.clipboard?.writeText(recoveryCodes.join('\n')).catch(() => undefined)}
              >
                Copy codes
              </button>{' '}
              <button className="btn btn-small" type="button" onClick={() => setRecoveryCodes(null)}>
                I saved them
              </button>
            </div>
          )}
          {totpOn === false && !enrolment && (
            <>
              <p className="muted">
                Sign in with a code from an authenticator app (Google Authenticator, 1Password, Authy…) as well as your password.
              </p>
              <button className="btn btn-primary" type="button" onClick={() => void startEnrolment()}>
                Set up two-factor
              </button>
            </>
          )}
          {enrolment && (
            <form onSubmit={confirmEnrolment} aria-label="Confirm two-factor" className="totp-enrol">
              <p>1. Scan this code with your authenticator app.</p>
              <img
                className="totp-qr"
                width={220}
                height={220}
                alt="QR code for your authenticator app"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
              />
              <p className="muted">
                Can’t scan? Enter this key: <code data-testid="totp-secret">{enrolment.secret}</code>
              </p>
              <TextField
                label="2. Enter the six-digit code it shows"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              <button className="btn btn-primary" type="submit">
                Verify and turn on
              </button>{' '}
              <button className="btn" type="button" onClick={() => setEnrolment(null)}>
                Cancel
              </button>
            </form>
          )}
          {totpOn && !recoveryCodes && (
            <form onSubmit={disable} aria-label="Turn off two-factor" className="inline-form">
              <p>
                <strong>Two-factor is on.</strong>
              </p>
              <TextField
                label="Password to turn it off"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={disablePassword}
                onChange={(e) => setDisablePassword(e.target.value)}
              />
              <button className="btn" type="submit">
                Turn off
              </button>
            </form>
          )}
        </section>

        <section aria-label="Password">
          <h2>Password</h2>
          <form onSubmit={changePassword} className="inline-form" aria-label="Change password">
            <TextField
              label="Current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
            <TextField
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
            <button className="btn btn-primary" type="submit">
              Change password
            </button>
          </form>
        </section>

        <section aria-label="Sessions">
          <h2>Sessions</h2>
          <p className="muted">Lost a device or signed in somewhere public? End every session of your account.</p>
          <button className="btn" type="button" onClick={() => void signOutEverywhere()}>
            Sign out everywhere
          </button>
        </section>
      </main>
    </div>
  );
}

export default SecurityPage;
