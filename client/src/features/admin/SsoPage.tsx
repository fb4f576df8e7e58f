import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ssoApi, type SsoSettings } from '../../../../shared/api/sso.js';
import { call, errorMessage } from '../../api.js';
import { FormMessages, TextField } from '../../components/Form.js';

type Settings = SsoSettings;

interface Draft {
  issuer: string;
  clientId: string;
  clientSecret: string;
  groupsClaim: string;
  admin: string;
  brand_manager: string;
  agent: string;
  domains: string;
  enforced: boolean;
  breakGlassUserId: string;
}

const list = (text: string) =>
  text
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function draftOf(s: Settings): Draft {
  return {
    issuer: s.issuer ?? '',
    clientId: s.clientId ?? '',
    clientSecret: '',
    groupsClaim: s.groupsClaim,
    admin: s.roleGroups.admin.join(', '),
    brand_manager: s.roleGroups.brand_manager.join(', '),
    agent: s.roleGroups.agent.join(', '),
    domains: s.domains.join(', '),
    enforced: s.enforced,
    breakGlassUserId: s.breakGlassUserId ?? '',
  };
}

/** `/admin/sso`: connect the brokerage to its OpenID Connect provider, map groups to roles, optionally require SSO. */
export function SsoPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const s = await call(ssoApi.settings);
      setSettings(s);
      setDraft(draftOf(s));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await call(ssoApi.save, {
        body: {
          issuer: draft.issuer.trim(),
          clientId: draft.clientId.trim(),
          ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
          groupsClaim: draft.groupsClaim.trim() || 'groups',
          roleGroups: { admin: list(draft.admin), brand_manager: list(draft.brand_manager), agent: list(draft.agent) },
          domains: list(draft.domains).map((d) => d.replace(/^@/, '').toLowerCase()),
          enforced: draft.enforced,
          breakGlassUserId: draft.breakGlassUserId || null,
        },
      });
      setSettings(saved);
      setDraft(draftOf(saved));
      setNotice(saved.enforced ? 'Single sign-on saved. Passwords now work only for the break-glass admin.' : 'Single sign-on saved.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm('Remove single sign-on? People sign in with passwords again (those created by SSO must reset theirs).')) return;
    setError(null);
    try {
      await call(ssoApi.remove);
      setNotice('Single sign-on removed.');
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="page">
      <main className="page-main workflow-page people-page">
        <div className="page-title-row">
          <h1>Single sign-on</h1>
          <Link to="/admin/people">People</Link>
          <Link to="/admin/audit">Audit log</Link>
        </div>
        <FormMessages error={error} notice={notice} />
        {settings && draft && (
          <form onSubmit={save} aria-label="Single sign-on settings">
            <section aria-label="Identity provider">
              <h2>Identity provider (OpenID Connect)</h2>
              <p className="muted">
                Register RealBrand at your provider as a web application with this redirect URI:{' '}
                <code data-testid="sso-redirect-uri">{settings.redirectUri}</code>
              </p>
              <TextField
                label="Issuer URL"
                name="issuer"
                type="url"
                required
                placeholder="https://login.example.com"
                value={draft.issuer}
                onChange={(e) => set('issuer', e.target.value)}
              />
              <TextField
                label="Client ID"
                name="clientId"
                required
                value={draft.clientId}
                onChange={(e) => set('clientId', e.target.value)}
              />
              <TextField
                label="Client secret"
                name="clientSecret"
                type="password"
                autoComplete="off"
                required={!settings.hasSecret}
                placeholder={settings.hasSecret ? 'Stored encrypted — leave empty to keep it' : ''}
                value={draft.clientSecret}
                onChange={(e) => set('clientSecret', e.target.value)}
              />
              <label className="field">
                <span>Email domains</span>
                <input
                  name="domains"
                  placeholder="example.com, example.org"
                  value={draft.domains}
                  onChange={(e) => set('domains', e.target.value)}
                />
                <small className="muted">
                  People with these email domains are sent to your provider by “Sign in with SSO”. Anyone can also use this link:{' '}
                  {settings.loginUrl}
                </small>
              </label>
            </section>
            <section aria-label="Groups and roles">
              <h2>Groups and roles</h2>
              <p className="muted">
                Names of your provider’s groups, separated by commas. A person gets the highest role any of their groups gives; someone in
                none of them cannot sign in.
              </p>
              <TextField
                label="Group claim"
                name="groupsClaim"
                value={draft.groupsClaim}
                onChange={(e) => set('groupsClaim', e.target.value)}
              />
              <TextField label="Admin groups" name="adminGroups" value={draft.admin} onChange={(e) => set('admin', e.target.value)} />
              <TextField
                label="Brand manager groups"
                name="brandManagerGroups"
                value={draft.brand_manager}
                onChange={(e) => set('brand_manager', e.target.value)}
              />
              <TextField label="Agent groups" name="agentGroups" value={draft.agent} onChange={(e) => set('agent', e.target.value)} />
            </section>
            <section aria-label="Require single sign-on">
              <h2>Require single sign-on</h2>
              <label className="field-inline">
                <input type="checkbox" checked={draft.enforced} onChange={(e) => set('enforced', e.target.checked)} /> Passwords no longer
                work for people of this brokerage
              </label>
              <label className="field">
                <span>Break-glass admin (may still use a password, for when the provider is down)</span>
                <select name="breakGlassUserId" value={draft.breakGlassUserId} onChange={(e) => set('breakGlassUserId', e.target.value)}>
                  <option value="">Nobody</option>
                  {settings.admins.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({a.email})
                    </option>
                  ))}
                </select>
              </label>
            </section>
            <div className="form-actions">
              <button className="btn btn-primary" type="submit" disabled={busy}>
                {busy ? 'Checking the provider…' : 'Save single sign-on'}
              </button>
              {settings.configured && (
                <button className="btn" type="button" onClick={() => void remove()}>
                  Remove single sign-on
                </button>
              )}
            </div>
          </form>
        )}
      </main>
    </div>
  );
}

export default SsoPage;
