import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { listingsApi, type SyncStatus } from '../../../../shared/api/listings.js';
import { useToasts } from '../../toasts.js';
import { relativeTime } from '../review/format.js';

const STATUS_LABEL = { never: 'Never run', ok: 'OK', partial: 'Partly imported', failed: 'Failed' } as const;

/** Admins: the brokerage's scheduled RESO Web API sync — status, errors, settings and "run now". */
export function ListingSyncPanel() {
  const toasts = useToasts();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => {
    call(listingsApi.syncStatus).then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const t = setInterval(load, 10_000);
    return () => clearInterval(t);
  }, [load]);
  if (!status) return null;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const secret = String(f.get('clientSecret') ?? '');
    try {
      await call(listingsApi.configureSync, {
        body: {
          endpoint: String(f.get('endpoint')),
          tokenUrl: String(f.get('tokenUrl')),
          clientId: String(f.get('clientId')),
          ...(secret ? { clientSecret: secret } : {}),
          intervalMinutes: Number(f.get('intervalMinutes')),
          enabled: f.get('enabled') === 'on',
        },
      });
      toasts.show('Listing sync saved', 'success');
      setEditing(false);
      load();
    } catch (err) {
      toasts.error(err);
    }
  }

  async function runNow() {
    try {
      await call(listingsApi.runSync);
      toasts.show('Sync started', 'info');
      setTimeout(load, 1_500);
    } catch (err) {
      toasts.error(err);
    }
  }

  return (
    <section className="dash-panel sync-panel" data-testid="listing-sync">
      <header>
        <h2>MLS listing sync</h2>
        <span>
          {status.configured && (
            <button className="btn btn-ghost btn-small" onClick={() => void runNow()} disabled={status.running}>
              {status.running ? 'Running…' : 'Run now'}
            </button>
          )}
          <button className="btn btn-ghost btn-small" onClick={() => setEditing((v) => !v)}>
            {status.configured ? 'Settings' : 'Set up'}
          </button>
        </span>
      </header>
      {status.configured ? (
        <p className="sync-line">
          <span className={`status-pill sync-${status.lastStatus}`}>{STATUS_LABEL[status.lastStatus]}</span>
          <span className="muted">
            {status.enabled ? `every ${status.intervalMinutes} min` : 'paused'} · last run {relativeTime(status.lastRunAt)} ·{' '}
            {status.lastImported} imported · next {status.nextRunAt ? new Date(status.nextRunAt).toLocaleTimeString() : '—'}
          </span>
        </p>
      ) : (
        <p className="muted">
          Not set up: listings come from file imports on the Listings page. Connect your MLS's RESO Web API to sync them on a schedule.
        </p>
      )}
      {status.lastError && <p className="form-error">{status.lastError}</p>}
      {status.lastErrors.length > 0 && (
        <ul className="sync-errors">
          {status.lastErrors.slice(0, 5).map((e, i) => (
            <li key={i}>
              Record {e.index + 1}: <strong>{e.field}</strong> {e.message}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <form className="sync-form" onSubmit={(e) => void save(e)}>
          <label>
            RESO Web API endpoint
            <input name="endpoint" type="url" required defaultValue={status.endpoint} placeholder="https://api.mls.example/reso/odata" />
          </label>
          <label>
            OAuth token URL
            <input name="tokenUrl" type="url" required defaultValue={status.tokenUrl} />
          </label>
          <label>
            Client id
            <input name="clientId" required defaultValue={status.clientId} />
          </label>
          <label>
            Client secret
            <input name="clientSecret" type="password" placeholder={status.hasSecret ? 'unchanged' : ''} required={!status.hasSecret} />
          </label>
          <label>
            Every (minutes)
            <input name="intervalMinutes" type="number" min={5} max={1440} defaultValue={status.intervalMinutes ?? 60} />
          </label>
          <label className="sync-enabled">
            <input name="enabled" type="checkbox" defaultChecked={status.enabled ?? true} /> Enabled
          </label>
          <button className="btn btn-primary btn-small">Save</button>
        </form>
      )}
    </section>
  );
}
