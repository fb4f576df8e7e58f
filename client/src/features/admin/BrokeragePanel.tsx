/** Admin-only: the brokerage's name and licensed states (which choose the compliance rule packs). */
import { useEffect, useState, type FormEvent } from 'react';
import { settingsApi, US_STATES, type BrokerageView } from '../../../../shared/api/settings.js';
import { call } from '../../api.js';
import { useToasts } from '../../toasts.js';

export function BrokeragePanel() {
  const toasts = useToasts();
  const [brokerage, setBrokerage] = useState<BrokerageView | null>(null);
  const [name, setName] = useState('');
  const [states, setStates] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    call(settingsApi.brokerage).then(
      (b) => {
        setBrokerage(b);
        setName(b.name);
        setStates(b.licensedStates);
      },
      (err) => toasts.error(err),
    );
  }, [toasts]);
  if (!brokerage) return null;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const saved = await call(settingsApi.saveBrokerage, {
        body: { name, licensedStates: states as BrokerageView['licensedStates'] },
      });
      setBrokerage(saved);
      setName(saved.name);
      setStates(saved.licensedStates);
      toasts.show('Brokerage saved', 'success');
    } catch (err) {
      toasts.error(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="dash-panel settings-panel" data-testid="brokerage-identity">
      <header>
        <h2>Brokerage</h2>
      </header>
      <form onSubmit={(e) => void save(e)}>
        <label className="setting-row">
          <strong>Name</strong>
          <input name="brokerageName" value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="setting-row">
          <legend>
            <strong>Licensed states</strong>
            <span className="muted"> — each one with a compliance pack switches that pack on (federal rules always apply).</span>
          </legend>
          <div className="state-grid">
            {US_STATES.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  name="licensedState"
                  value={s}
                  checked={states.includes(s)}
                  onChange={(e) => setStates(e.target.checked ? [...states, s] : states.filter((x) => x !== s))}
                />{' '}
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="muted">Compliance packs: {brokerage.rulePacks.join(', ')}</p>
        <button className="btn btn-primary btn-small" disabled={saving || states.length === 0 || !name.trim()}>
          Save
        </button>
      </form>
    </section>
  );
}
