import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, designThumbnailUrl, type DesignSummary } from '../../api.js';
import { useUser } from '../../auth.js';
import { useToasts } from '../../toasts.js';
import { kindLabel, TemplatePicker } from './TemplatePicker.js';
import { Icon } from '../../components/icons.js';
import { statusLabel } from '../review/format.js';
import { prefetchDesign } from './design-prefetch.js';
import { EditorPage } from './editor-page.js';

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFmt.format(d);
}

function DesignCard({ d, canDelete, onDelete }: { d: DesignSummary; canDelete: boolean; onDelete: () => void }) {
  // Drawn by the server once edits settle (shared by everyone); a plain card until it loads.
  const [thumbFailed, setThumbFailed] = useState(false);
  return (
    <li className="design-card">
      <Link
        to={`/designs/${d.id}`}
        className="design-card-link"
        data-testid="design-card"
        onMouseEnter={() => {
          void prefetchDesign(d.id).catch(() => {});
          void EditorPage.preload().catch(() => undefined);
        }}
      >
        {!thumbFailed ? (
          <div className="design-card-art design-card-thumb">
            <img src={designThumbnailUrl(d.id, d.updatedAt)} alt="" loading="lazy" onError={() => setThumbFailed(true)} />
          </div>
        ) : (
          <div className={`design-card-art kind-${d.kind}`}>
            <span>{kindLabel(d.kind)}</span>
          </div>
        )}
        <div className="design-card-meta">
          <strong title={d.title}>{d.title}</strong>
          <span className="muted">
            {d.ownerName} · {when(d.updatedAt)}
          </span>
        </div>
      </Link>
      <span className={`status-pill status-${d.status}`} data-testid="design-status-pill">
        {statusLabel(d.status)}
      </span>
      {canDelete && (
        <button
          className="icon-btn design-card-delete"
          aria-label={`Delete ${d.title}`}
          title="Delete"
          onClick={onDelete}
          data-testid="design-delete"
        >
          <Icon name="trash" size={16} />
        </button>
      )}
    </li>
  );
}

export function DesignsPage() {
  const user = useUser();
  const toasts = useToasts();
  const navigate = useNavigate();
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null);
  const [picking, setPicking] = useState(false);

  const load = useCallback(() => {
    api
      .designs()
      .then((r) => setDesigns(r.designs))
      .catch((err) => {
        toasts.error(err);
        setDesigns([]);
      });
  }, [toasts]);
  useEffect(load, [load]);
  // Fetch the editor's code while the list is on screen, so opening a design doesn't wait for it.
  useEffect(() => {
    const warm = () => void import('./EditorPage.js').catch(() => undefined);
    const idle = (window as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    if (idle) idle(warm);
    else setTimeout(warm, 300);
  }, []);
  // Warm the editor bundle while the list is on screen, so opening a design is quick.
  useEffect(() => {
    const t = window.setTimeout(() => void import('./EditorPage.js'), 800);
    return () => window.clearTimeout(t);
  }, []);

  async function create(title: string, templateId?: string) {
    try {
      const { id } = await api.createDesign(title, templateId);
      navigate(`/designs/${id}`);
    } catch (err) {
      toasts.error(err);
    }
  }

  async function remove(d: DesignSummary) {
    if (!window.confirm(`Delete “${d.title}”? This cannot be undone.`)) return;
    try {
      await api.deleteDesign(d.id);
      setDesigns((ds) => ds?.filter((x) => x.id !== d.id) ?? null);
      toasts.show('Design deleted', 'success');
    } catch (err) {
      toasts.error(err);
    }
  }

  const mine = designs?.filter((d) => d.ownerId === user.id) ?? [];
  const others = designs?.filter((d) => d.ownerId !== user.id) ?? [];

  return (
    <div className="app-page-body">
      <main className="designs-main">
        <div className="page-title-row">
          <div>
            <h1>My designs</h1>
            <p className="muted">Flyers, open-house signs and posts for {user.brokerageName}.</p>
          </div>
          <button className="btn btn-primary" onClick={() => setPicking(true)} data-testid="new-design">
            + New design
          </button>
        </div>
        {designs === null ? (
          <div className="page-loading inline">
            <div className="spinner" />
          </div>
        ) : designs.length === 0 ? (
          <div className="empty-card">
            <h2>No designs yet</h2>
            <p>Start from one of your brokerage's templates — colours, fonts and disclosures are already in place.</p>
            <button className="btn btn-primary" onClick={() => setPicking(true)}>
              Create your first design
            </button>
          </div>
        ) : (
          <>
            <ul className="design-grid">
              {mine.map((d) => (
                <DesignCard key={d.id} d={d} canDelete onDelete={() => remove(d)} />
              ))}
            </ul>
            {mine.length === 0 && <p className="muted">You have not created a design yet.</p>}
            {others.length > 0 && (
              <>
                <h2 className="section-title">Shared in {user.brokerageName}</h2>
                <ul className="design-grid">
                  {others.map((d) => (
                    <DesignCard key={d.id} d={d} canDelete={user.role !== 'agent'} onDelete={() => remove(d)} />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </main>
      {picking && <TemplatePicker onClose={() => setPicking(false)} onCreate={create} />}
    </div>
  );
}
