import { Link } from 'react-router-dom';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, errorMessage, type Role } from '../../api.js';
import { invitesApi, peopleApi, type Invite, type Person } from '../../../../shared/api/people.js';
import { settingsApi } from '../../../../shared/api/settings.js';
import { officesApi, type Office } from '../../../../shared/api/offices.js';
import { useUser } from '../../auth.js';

const ROLE_LABELS: Record<Role, string> = { agent: 'Agent', brand_manager: 'Brand manager', admin: 'Admin' };

/** Admins: people of the brokerage, their roles, deactivation, and invitations (the link is shown to copy). */
export function PeoplePage() {
  const me = useUser();
  const [people, setPeople] = useState<Person[]>([]);
  const [invites, setInvites] = useState<Invite[]>([]);
  const [offices, setOffices] = useState<Office[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [link, setLink] = useState<string | null>(null);
  const [emailedTo, setEmailedTo] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [requireTotp, setRequireTotp] = useState<boolean | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [p, i, o] = await Promise.all([call(peopleApi.list), call(invitesApi.list), call(officesApi.list)]);
      setPeople(p.people);
      setInvites(i.invites);
      setOffices(o.offices);
      const settings = await call(settingsApi.get).catch(() => null);
      setRequireTotp(settings ? Boolean(settings.requireTwoFactor) : null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function invite(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call(invitesApi.create, { body: { email: email.trim(), role } });
      setLink(new URL(r.path, window.location.origin).toString());
      setEmailedTo(r.emailed ? email.trim() : null);
      setCopied(false);
      setEmail('');
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function setOffice(person: Person, officeId: string | null) {
    setError(null);
    try {
      await call(officesApi.assign, { params: { id: person.id }, body: { officeId } });
      const name = offices.find((o) => o.id === officeId)?.name;
      setNotice(name ? `${person.name} is in the ${name} office.` : `${person.name} is in no office.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function change(person: Person, patch: { role?: Role; active?: boolean }) {
    setError(null);
    setNotice(null);
    if (patch.role && !window.confirm(`Make ${person.name} ${ROLE_LABELS[patch.role].toLowerCase()}? What they may do changes at once.`))
      return;
    try {
      await call(peopleApi.update, { params: { id: person.id }, body: patch });
      setNotice(
        patch.role
          ? `${person.name} is now ${ROLE_LABELS[patch.role].toLowerCase()}.`
          : patch.active
            ? `${person.name} is active again.`
            : `${person.name} is deactivated and signed out everywhere.`,
      );
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  /** A new link for an open invitation, emailed again when mail is configured (the old link stops working). */
  async function resend(invite: Invite) {
    setError(null);
    try {
      const r = await call(invitesApi.resend, { params: { id: invite.id } });
      setLink(new URL(r.path, window.location.origin).toString());
      setEmailedTo(r.emailed ? invite.email : null);
      setCopied(false);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function copyLink() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError('Copying was refused by the browser; select the link and copy it by hand');
    }
  }

  async function resetTotp(person: Person) {
    setError(null);
    setNotice(null);
    if (
      !window.confirm(`Turn off two-factor sign-in for ${person.name}? They sign in with their password alone until they set it up again.`)
    )
      return;
    try {
      await call(peopleApi.resetTotp, { params: { id: person.id } });
      setNotice(`Two-factor for ${person.name} is reset.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function setRequireTwoFactor(on: boolean) {
    setError(null);
    try {
      const current = await call(settingsApi.get);
      const saved = await call(settingsApi.put, { body: { ...current, requireTwoFactor: on } });
      setRequireTotp(saved.requireTwoFactor ?? on);
      setNotice(
        on ? 'Everyone must now sign in with two-factor; people without it are asked to set it up.' : 'Two-factor is optional again.',
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function revoke(invite: Invite) {
    try {
      await call(invitesApi.revoke, { params: { id: invite.id } });
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="page">
      <main className="page-main workflow-page people-page">
        <div className="page-title-row">
          <h1>People and roles</h1>
          <span className="muted">{me.brokerageName}</span>
          <Link to="/admin/audit">Audit log</Link>
          <Link to="/admin/sso">Single sign-on</Link>
        </div>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        {notice && (
          <div className="form-notice" role="status">
            {notice}
          </div>
        )}
        <section aria-label="Invite someone">
          <h2>Invite someone</h2>
          <form className="inline-form" onSubmit={invite} aria-label="Invite">
            <label className="field">
              <span>Email</span>
              <input name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label className="field">
              <span>Role</span>
              <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {busy ? 'Inviting…' : 'Create invite link'}
            </button>
          </form>
          {link && (
            <p className="invite-link" role="status">
              {emailedTo
                ? `Invitation emailed to ${emailedTo}. You can also send the link yourself (it works once and expires in 7 days):`
                : 'Send this link to the person (it works once and expires in 7 days):'}{' '}
              <input
                aria-label="Invite link"
                data-testid="invite-link"
                readOnly
                value={link}
                onFocus={(e) => e.currentTarget.select()}
                size={60}
              />{' '}
              <button className="btn btn-small" type="button" onClick={() => void copyLink()}>
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </p>
          )}
          {invites.length > 0 && (
            <ul className="invites" aria-label="Open invitations">
              {invites.map((i) => (
                <li key={i.id}>
                  {i.email} · {ROLE_LABELS[i.role]} · expires {new Date(i.expiresAt).toLocaleDateString()}{' '}
                  <button
                    className="btn btn-small"
                    type="button"
                    onClick={() => void resend(i)}
                    title="A new link (the old one stops working), emailed again"
                  >
                    Resend
                  </button>{' '}
                  <button className="btn btn-small" type="button" onClick={() => void revoke(i)}>
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="People">
          <h2>People</h2>
          <table className="people-table data-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Office</th>
                <th>Status</th>
                <th>Two-factor</th>
                <th>Last sign-in</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} data-testid={`person-${p.email}`}>
                  <td>
                    <Link to={`/admin/people/${encodeURIComponent(p.id)}/profile`}>{p.name}</Link>
                  </td>
                  <td>{p.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${p.email}`}
                      value={p.role}
                      disabled={p.id === me.id}
                      onChange={(e) => void change(p, { role: e.target.value as Role })}
                    >
                      {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Office of ${p.email}`}
                      value={p.officeId ?? ''}
                      onChange={(e) => void setOffice(p, e.target.value || null)}
                    >
                      <option value="">No office</option>
                      {offices.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{p.active ? 'Active' : 'Deactivated'}</td>
                  <td data-testid="totp-status">{p.totpEnabled ? 'On' : 'Off'}</td>
                  <td>{p.lastLoginAt ? new Date(p.lastLoginAt).toLocaleString() : 'Never'}</td>
                  <td>
                    {p.totpEnabled && p.id !== me.id && (
                      <button className="btn btn-small" type="button" onClick={() => void resetTotp(p)}>
                        Reset two-factor
                      </button>
                    )}{' '}
                    {p.id !== me.id && (
                      <button className="btn btn-small" type="button" onClick={() => void change(p, { active: !p.active })}>
                        {p.active ? 'Deactivate' : 'Reactivate'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {requireTotp !== null && (
            <label className="field-inline">
              <input type="checkbox" checked={requireTotp} onChange={(e) => void setRequireTwoFactor(e.target.checked)} /> Require
              two-factor sign-in for everyone in {me.brokerageName}
            </label>
          )}
        </section>
      </main>
    </div>
  );
}

export default PeoplePage;
