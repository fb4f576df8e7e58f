/** Admin-only: the brokerage's offices (address, phone, license numbers per state), which templates print as office.* fields. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { officeAddress, officesApi, type Office, type OfficeInput } from '../../../../shared/api/offices.js';
import { US_STATES } from '../../../../shared/api/settings.js';
import { call } from '../../api.js';
import { useToasts } from '../../toasts.js';

type Draft = { name: string; street: string; city: string; state: string; postalCode: string; phone: string; licenses: string };
const EMPTY: Draft = { name: '', street: '', city: '', state: '', postalCode: '', phone: '', licenses: '' };

/** `TX 9001234, CA 01234567` ⇄ [{state, number}]. */
const licensesText = (o: Office) => o.licenses.map((l) => `${l.state} ${l.number}`).join(', ');
function parseLicenses(text: string): OfficeInput['licenses'] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [state = '', ...rest] = s.split(/\s+/);
      return { state: state.toUpperCase(), number: rest.join(' ') } as OfficeInput['licenses'][number];
    });
}

export function OfficesPanel() {
  const toasts = useToasts();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const load = useCallback(async () => {
    try {
      setOffices((await call(officesApi.list)).offices);
    } catch (err) {
      toasts.error(err);
    }
  }, [toasts]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!offices) return null;

  function edit(o: Office | null) {
    setEditing(o ? o.id : 'new');
    setDraft(o ? { ...o, licenses: licensesText(o) } : EMPTY);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = { ...draft, state: draft.state as OfficeInput['state'], licenses: parseLicenses(draft.licenses) };
    try {
      if (editing === 'new') await call(officesApi.create, { body });
      else if (editing) await call(officesApi.update, { params: { id: editing }, body });
      toasts.show('Office saved', 'success');
      setEditing(null);
      await load();
    } catch (err) {
      toasts.error(err);
    }
  }

  async function remove(o: Office) {
    if (!window.confirm(`Remove the ${o.name} office? Its ${o.people} people will belong to no office.`)) return;
    try {
      await call(officesApi.remove, { params: { id: o.id } });
      await load();
    } catch (err) {
      toasts.error(err);
    }
  }

  const field = (key: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <label className="setting-row">
      <strong>{label}</strong>
      <input name={`office-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <section className="dash-panel settings-panel" data-testid="offices">
      <header>
        <h2>Offices</h2>
        <button className="btn btn-small" type="button" onClick={() => edit(null)}>
          Add office
        </button>
      </header>
      {offices.length === 0 && (
        <p className="muted">No offices yet. Templates print an office’s address and phone where they show the brokerage’s.</p>
      )}
      <ul className="office-list">
        {offices.map((o) => (
          <li key={o.id} data-testid={`office-${o.name}`}>
            <strong>{o.name}</strong> — {officeAddress(o) || 'no address'}
            {o.phone && ` · ${o.phone}`}
            {o.licenses.length > 0 && ` · ${licensesText(o)}`} <span className="muted">({o.people} people)</span>{' '}
            <button className="btn btn-small" type="button" onClick={() => edit(o)}>
              Edit
            </button>{' '}
            <button className="btn btn-small" type="button" onClick={() => void remove(o)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {editing && (
        <form onSubmit={(e) => void save(e)} aria-label="Office">
          {field('name', 'Name', { required: true, maxLength: 120 })}
          {field('street', 'Street', { maxLength: 200 })}
          {field('city', 'City', { maxLength: 100 })}
          <label className="setting-row">
            <strong>State</strong>
            <select name="office-state" value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value })}>
              <option value="">—</option>
              {US_STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          {field('postalCode', 'ZIP', { maxLength: 10 })}
          {field('phone', 'Phone', { maxLength: 40 })}
          {field('licenses', 'License numbers (e.g. TX 9001234, CA 01234567)')}
          <button className="btn btn-primary btn-small">Save office</button>{' '}
          <button className="btn btn-small" type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
