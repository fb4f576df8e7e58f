import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DesignUpdatesBanner } from './DesignUpdatesBanner.js';
import { Link, useParams } from 'react-router-dom';
import { api, call, errorMessage } from '../../api.js';
import { profileApi, type Profile } from '../../../../shared/api/profile.js';
import { useAuth } from '../../auth.js';

/** The form's copy: a license's state is what was typed until the server checks it against the state codes. */
type License = Omit<Profile['licenses'][number], 'state'> & { state: string };
type ProfileDraft = Omit<Profile, 'licenses'> & { licenses: License[] };

const SOCIAL = [
  ['website', 'Website'],
  ['facebook', 'Facebook'],
  ['instagram', 'Instagram'],
  ['linkedin', 'LinkedIn'],
  ['x', 'X'],
] as const;

/** Crops an image file to its centred square and scales it to at most 600 px (a headshot), as PNG. */
async function squareHeadshot(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const out = Math.min(side, 600);
  const canvas = document.createElement('canvas');
  canvas.width = out;
  canvas.height = out;
  canvas.getContext('2d')!.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, out, out);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Could not read that image'))), 'image/png'),
  );
}

/** `/profile` (yours) and `/admin/people/:id/profile` (admins, anyone's): what materials show about a person. */
export function ProfilePage() {
  const { id } = useParams();
  const { reload } = useAuth();
  const [profile, setProfile] = useState<ProfileDraft | null>(null);
  const [accountEmail, setAccountEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saves, setSaves] = useState(0);

  const load = useCallback(async () => {
    try {
      const r = await (id ? call(profileApi.get, { params: { id } }) : call(profileApi.mine));
      setProfile(r.profile);
      setAccountEmail(r.accountEmail);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!profile) {
    return (
      <div className="page">
        <main className="page-main workflow-page">
          {error ? (
            <div className="form-error" role="alert">
              {error}
            </div>
          ) : (
            <div className="spinner" />
          )}
        </main>
      </div>
    );
  }
  const set = (patch: Partial<ProfileDraft>) => setProfile({ ...profile, ...patch });

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    try {
      const asset = await api.uploadAsset(await squareHeadshot(file), 'headshot.png');
      set({ headshot: asset.url });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const social = Object.fromEntries(Object.entries(profile!.social).filter(([, v]) => v?.trim()));
      const body = {
        ...profile!,
        social,
        phones: profile!.phones.filter((p) => p.number.trim()),
        licenses: profile!.licenses.filter((l) => l.number.trim()) as Profile['licenses'],
      };
      const r = await (id ? call(profileApi.save, { params: { id }, body }) : call(profileApi.saveMine, { body }));
      setProfile(r.profile);
      setNotice('Profile saved. New designs use these details.');
      setSaves((n) => n + 1);
      if (!id) await reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <main className="page-main workflow-page profile-page">
        <div className="page-title-row">
          <h1>{id ? `Profile of ${profile.displayName}` : 'My profile'}</h1>
          <span className="muted">{accountEmail}</span>
          {id && <Link to="/admin/people">Back to people</Link>}
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
        {!id && <DesignUpdatesBanner refresh={saves} />}
        <form onSubmit={submit} aria-label="Profile">
          <section aria-label="About">
            <h2>About</h2>
            <div className="inline-form">
              <div className="headshot">
                {profile.headshot ? (
                  <img src={profile.headshot} alt="Headshot" width={96} height={96} />
                ) : (
                  <div className="headshot-empty">No photo</div>
                )}
                <label className="btn btn-small">
                  Upload headshot
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    hidden
                    onChange={(e) => void upload(e.target.files?.[0])}
                    aria-label="Headshot file"
                  />
                </label>
              </div>
              <label className="field">
                <span>Display name</span>
                <input
                  name="displayName"
                  required
                  maxLength={120}
                  value={profile.displayName}
                  onChange={(e) => set({ displayName: e.target.value })}
                />
              </label>
              <label className="field">
                <span>Title</span>
                <input
                  name="title"
                  maxLength={120}
                  placeholder="REALTOR®, Broker Associate…"
                  value={profile.title}
                  onChange={(e) => set({ title: e.target.value })}
                />
              </label>
              <label className="field">
                <span>Email on materials</span>
                <input
                  name="materialEmail"
                  type="email"
                  placeholder={accountEmail}
                  value={profile.email}
                  onChange={(e) => set({ email: e.target.value })}
                />
              </label>
            </div>
          </section>
          <section aria-label="Phones">
            <h2>Phones</h2>
            {[0, 1, 2].map((i) => {
              const phone = profile.phones[i] ?? { label: i === 0 ? 'Mobile' : 'Office', number: '' };
              const update = (patch: Partial<typeof phone>) => {
                const phones = [...profile.phones];
                phones[i] = { ...phone, ...patch };
                set({ phones: phones.filter(Boolean) });
              };
              if (i > profile.phones.length) return null;
              return (
                <div className="inline-form" key={i}>
                  <label className="field">
                    <span>Label</span>
                    <input name={`phoneLabel${i}`} maxLength={30} value={phone.label} onChange={(e) => update({ label: e.target.value })} />
                  </label>
                  <label className="field">
                    <span>Number</span>
                    <input
                      name={`phone${i}`}
                      type="tel"
                      maxLength={40}
                      value={phone.number}
                      onChange={(e) => update({ number: e.target.value })}
                    />
                  </label>
                </div>
              );
            })}
          </section>
          <section aria-label="Licenses">
            <h2>Licenses</h2>
            {[...profile.licenses, { state: '', number: '', expiresOn: '' }].map((l, i) => {
              const update = (patch: Partial<License>) => {
                const licenses = [...profile.licenses];
                licenses[i] = { ...l, ...patch };
                set({ licenses });
              };
              return (
                <div className="inline-form" key={i}>
                  <label className="field">
                    <span>State</span>
                    <input
                      name={`licenseState${i}`}
                      maxLength={2}
                      placeholder="TX"
                      value={l.state}
                      onChange={(e) => update({ state: e.target.value.toUpperCase() })}
                    />
                  </label>
                  <label className="field">
                    <span>License number</span>
                    <input
                      name={`licenseNumber${i}`}
                      maxLength={40}
                      value={l.number}
                      onChange={(e) => update({ number: e.target.value })}
                    />
                  </label>
                  <label className="field">
                    <span>Expires</span>
                    <input
                      name={`licenseExpires${i}`}
                      type="date"
                      value={l.expiresOn}
                      onChange={(e) => update({ expiresOn: e.target.value })}
                    />
                  </label>
                </div>
              );
            })}
          </section>
          <section aria-label="Designations and links">
            <h2>Designations and links</h2>
            <label className="field">
              <span>Designations (comma-separated)</span>
              <input
                name="designations"
                placeholder="ABR, CRS, GRI"
                value={profile.designations.join(', ')}
                onChange={(e) =>
                  set({
                    designations: e.target.value
                      .split(',')
                      .map((d) => d.trim())
                      .filter(Boolean),
                  })
                }
              />
            </label>
            <div className="inline-form">
              {SOCIAL.map(([key, label]) => (
                <label className="field" key={key}>
                  <span>{label}</span>
                  <input
                    name={key}
                    type="url"
                    placeholder="https://"
                    value={profile.social[key] ?? ''}
                    onChange={(e) => set({ social: { ...profile.social, [key]: e.target.value } })}
                  />
                </label>
              ))}
            </div>
          </section>
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
        </form>
      </main>
    </div>
  );
}

export default ProfilePage;
