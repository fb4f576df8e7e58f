import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { call, errorMessage } from '../../api.js';
import type { ResponseOf } from '../../../../shared/api/contract.js';
import { setupApi } from '../../../../shared/api/setup.js';
import { useAuth } from '../../auth.js';
import { Logo } from '../../components/Logo.js';

type SetupInfo = ResponseOf<typeof setupApi.info>;
type UsState = SetupInfo['states'][number];
type BasicFont = SetupInfo['fonts'][number];

/** `/setup#<token>`: the first run's one-time link (printed on the server's console) sets up the brokerage and its first admin. */
export function SetupPage() {
  const navigate = useNavigate();
  const { reload } = useAuth();
  const token = window.location.hash.slice(1);
  const [info, setInfo] = useState<SetupInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [states, setStates] = useState<UsState[]>([]);
  const [primary, setPrimary] = useState('#1f3a5f');
  const [secondary, setSecondary] = useState('#c9a227');
  const [headingFont, setHeadingFont] = useState<BasicFont>('Montserrat');
  const [bodyFont, setBodyFont] = useState<BasicFont>('Open Sans');
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    (async () => {
      const got = await call(setupApi.info);
      setInfo(got);
      if (!got.open) return setProblem('This RealBrand is set up already. Log in instead.');
      if (!token) return setProblem('Open the setup link exactly as the server printed it on its console (it ends with #setup1.…).');
      await call(setupApi.check, { body: { token } });
    })().catch((err) => setProblem(errorMessage(err)));
  }, [token]);

  function toggleState(state: UsState, on: boolean) {
    setStates((s) => (on ? [...s, state].sort() : s.filter((x) => x !== state)));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!states.length) return setError('Choose at least one state your brokerage is licensed in');
    setBusy(true);
    setError(null);
    try {
      await call(setupApi.create, {
        body: {
          token,
          brokerage: {
            name: name.trim(),
            licensedStates: states,
            brand: { primaryColor: primary, secondaryColor: secondary, headingFont, bodyFont },
          },
          admin: { name: adminName.trim(), email: adminEmail.trim(), password },
        },
      });
      // Forget the token in the address bar; the session cookie is set.
      window.history.replaceState(null, '', '/setup');
      await reload();
      navigate('/admin/people?welcome=1', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (problem || !info) {
    return (
      <div className="login-page">
        <div className="login-side">
          <Logo />
        </div>
        <div className="login-card">
          <h1>Set up RealBrand</h1>
          {problem ? (
            <div className="form-error" role="alert">
              {problem}
            </div>
          ) : (
            <div className="spinner" />
          )}
          {problem && <a href="/login">Go to log in</a>}
        </div>
      </div>
    );
  }

  return (
    <div className="page setup-page">
      <main className="page-main workflow-page">
        <div className="page-title-row">
          <Logo small />
          <h1>Set up your brokerage</h1>
        </div>
        <form onSubmit={submit} aria-label="Set up">
          <section aria-label="Brokerage">
            <h2>Brokerage</h2>
            <label className="field">
              <span>Brokerage name</span>
              <input name="brokerageName" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </label>
            <fieldset className="states-grid">
              <legend>Licensed in (chooses the compliance rules that apply)</legend>
              {info.states.map((s) => (
                <label key={s} className="field-inline">
                  <input
                    type="checkbox"
                    name="state"
                    value={s}
                    checked={states.includes(s)}
                    onChange={(e) => toggleState(s, e.target.checked)}
                  />{' '}
                  {s}
                </label>
              ))}
            </fieldset>
          </section>
          <section aria-label="Brand basics">
            <h2>Brand basics</h2>
            <p className="muted">These fill your brand kit; brand managers refine it (logos, disclaimers) later.</p>
            <div className="inline-form">
              <label className="field">
                <span>Primary colour</span>
                <input name="primaryColor" type="color" value={primary} onChange={(e) => setPrimary(e.target.value)} />
              </label>
              <label className="field">
                <span>Secondary colour</span>
                <input name="secondaryColor" type="color" value={secondary} onChange={(e) => setSecondary(e.target.value)} />
              </label>
              <label className="field">
                <span>Heading font</span>
                <select name="headingFont" value={headingFont} onChange={(e) => setHeadingFont(e.target.value as BasicFont)}>
                  {info.fonts.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Body font</span>
                <select name="bodyFont" value={bodyFont} onChange={(e) => setBodyFont(e.target.value as BasicFont)}>
                  {info.fonts.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
            </div>
          </section>
          <section aria-label="First admin">
            <h2>First admin (you)</h2>
            <div className="inline-form">
              <label className="field">
                <span>Your name</span>
                <input name="adminName" autoComplete="name" required value={adminName} onChange={(e) => setAdminName(e.target.value)} />
              </label>
              <label className="field">
                <span>Email</span>
                <input
                  name="adminEmail"
                  type="email"
                  autoComplete="username"
                  required
                  value={adminEmail}
                  onChange={(e) => setAdminEmail(e.target.value)}
                />
              </label>
              <label className="field">
                <span>Password</span>
                <input
                  name="adminPassword"
                  type="password"
                  autoComplete="new-password"
                  minLength={10}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
            </div>
          </section>
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Create the brokerage'}
          </button>
        </form>
      </main>
    </div>
  );
}

export default SetupPage;
