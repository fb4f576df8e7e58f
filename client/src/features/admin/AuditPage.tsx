import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { call, errorMessage } from '../../api.js';
import { auditApi, type AuditEntry } from '../../../../shared/api/audit.js';
import { urlOf } from '../../../../shared/api/contract.js';

type Entry = AuditEntry;

interface Filters {
  actor: string;
  action: string;
  design: string;
  from: string;
  to: string;
}

const PAGE = 50;

/** The filters as the endpoint's query (empty ones left out; dates as whole days in local time). */
function filterQuery(f: Filters): { actor?: string; action?: string; design?: string; from?: string; to?: string } {
  return {
    ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(f.design.trim() ? { design: f.design.trim() } : {}),
    ...(f.from ? { from: new Date(`${f.from}T00:00:00`).toISOString() } : {}),
    ...(f.to ? { to: new Date(`${f.to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** `/admin/audit`: who did what and when, filtered by person, action, design and dates; paged; CSV. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ actor: '', action: '', design: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  /** The `before` cursor of each earlier page (for "Newer"). */
  const [pages, setPages] = useState<Array<number | null>>([]);
  const [before, setBefore] = useState<number | null>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await call(auditApi.list, { query: { ...filterQuery(filters), limit: PAGE, ...(before ? { before } : {}) } });
      setEntries(r.entries);
      setNext(r.next);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [filters, before]);
  useEffect(() => {
    void load();
  }, [load]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setPages([]);
    setBefore(null);
    setFilters(draft);
  }

  const field = (key: keyof Filters, label: string, type = 'text', placeholder = '') => (
    <label className="field">
      <span>{label}</span>
      <input
        name={key}
        type={type}
        placeholder={placeholder}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <div className="page">
      <main className="page-main workflow-page audit-page">
        <div className="page-title-row">
          <h1>Audit log</h1>
          <a className="btn btn-small" href={urlOf(auditApi.list, { query: { ...filterQuery(filters), format: 'csv' } })} download>
            Download CSV
          </a>
        </div>
        <form className="inline-form" onSubmit={apply} aria-label="Filter the audit log">
          {field('actor', 'Who', 'text', 'email')}
          {field('action', 'What', 'text', 'e.g. auth or design.shared')}
          {field('design', 'Design id')}
          {field('from', 'From', 'date')}
          {field('to', 'To', 'date')}
          <button className="btn btn-primary" type="submit">
            Filter
          </button>
        </form>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <table className="data-table audit-table" tabIndex={0} aria-label="Audit log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>About</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry">
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actorEmail ?? e.actorId ?? '—'}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetType === 'design' && e.targetId ? (
                    <Link to={`/designs/${encodeURIComponent(e.targetId)}`}>design</Link>
                  ) : (
                    (e.targetType ?? '')
                  )}
                </td>
                <td className="audit-details">{Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</td>
              </tr>
            ))}
            {!entries.length && (
              <tr>
                <td colSpan={5} className="muted">
                  Nothing matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="inline-form">
          <button
            className="btn btn-small"
            type="button"
            disabled={!pages.length}
            onClick={() => {
              setBefore(pages.at(-1) ?? null);
              setPages(pages.slice(0, -1));
            }}
          >
            Newer
          </button>
          <button
            className="btn btn-small"
            type="button"
            disabled={next === null}
            onClick={() => {
              setPages([...pages, before]);
              setBefore(next);
            }}
          >
            Older
          </button>
        </div>
      </main>
    </div>
  );
}

export default AuditPage;
