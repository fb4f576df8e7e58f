/**
 * "Update my designs": after one's profile (or office) changed, the designs whose agent and office
 * fields still show the old details, with one button; fields one retyped in a design are never touched.
 */
import { useCallback, useEffect, useState } from 'react';
import { profileApi, type ProfileDesignUpdate } from '../../../../shared/api/profile.js';
import { call, errorMessage } from '../../api.js';

const FIELD: Record<string, string> = {
  'agent.name': 'name',
  'agent.phone': 'phone',
  'agent.email': 'email',
  'agent.license': 'license',
  'agent.photo': 'headshot',
  'office.name': 'office',
  'office.address': 'office address',
  'office.phone': 'office phone',
  'office.license': 'office license',
};

/** `refresh`: bump it to look again (after a save). */
export function DesignUpdatesBanner({ refresh }: { refresh: number }) {
  const [designs, setDesigns] = useState<ProfileDesignUpdate[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setDesigns((await call(profileApi.designUpdates)).designs);
    } catch {
      setDesigns([]); // an offer, not a page: nothing to show when it cannot be asked
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, refresh]);

  async function update() {
    setBusy(true);
    try {
      const r = await call(profileApi.updateDesigns, { body: { designIds: designs.map((d) => d.designId) } });
      const applied = r.updated.reduce((n, u) => n + u.applied, 0);
      const kept = r.updated.reduce((n, u) => n + u.kept, 0);
      setNote(
        `Updated ${applied} field${applied === 1 ? '' : 's'} in ${r.updated.length} design${r.updated.length === 1 ? '' : 's'}` +
          (kept ? `; ${kept} field${kept === 1 ? '' : 's'} you retyped stayed as you wrote ${kept === 1 ? 'it' : 'them'}.` : '.'),
      );
      await load();
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (designs.length === 0)
    return note ? (
      <div className="listing-banner listing-banner-done" role="status" data-testid="design-updates-done">
        {note}
      </div>
    ) : null;
  return (
    <div className="listing-banner" role="status" data-testid="design-updates-banner">
      <strong>{designs.length === 1 ? 'One of your designs shows' : `${designs.length} of your designs show`} your old details.</strong>
      <ul>
        {designs.map((d) => (
          <li key={d.designId}>
            {d.title}: {d.changes.map((c) => `${FIELD[c.binding] ?? c.binding} → ${c.to}`).join(', ')}
            {d.kept > 0 && <span className="muted"> ({d.kept} you retyped stay)</span>}
          </li>
        ))}
      </ul>
      <button className="btn btn-primary" onClick={() => void update()} disabled={busy} data-testid="design-updates-apply">
        {busy ? 'Updating…' : 'Update my designs'}
      </button>{' '}
      <button className="btn btn-ghost" onClick={() => setDesigns([])}>
        Not now
      </button>
    </div>
  );
}
