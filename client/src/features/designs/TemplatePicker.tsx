import { useEffect, useState, type FormEvent } from 'react';
import { api, templateThumbnailUrl, type TemplateSummary } from '../../api.js';
import { useUser } from '../../auth.js';
import { useToasts } from '../../toasts.js';
import { Modal } from '../../components/Modal.js';

const KIND_LABELS: Record<string, string> = {
  flyer: 'Flyer',
  'open-house': 'Open house',
  'business-card': 'Business card',
  'email-signature': 'Email signature',
  'social-post': 'Social post',
  story: 'Story',
  postcard: 'Postcard',
  'feature-sheet': 'Feature sheet',
  'price-reduced': 'Price reduced',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

function TemplateCard({
  t,
  selected,
  onSelect,
  onRetire,
}: {
  t: TemplateSummary;
  selected: boolean;
  onSelect: () => void;
  onRetire?: () => void;
}) {
  const [loaded, setLoaded] = useState(false);
  return (
    <button
      type="button"
      className={`template-card${selected ? ' selected' : ''}`}
      onClick={onSelect}
      aria-pressed={selected}
      data-template-id={t.id}
    >
      <div className="template-thumb" style={{ aspectRatio: `${t.width} / ${t.height}` }}>
        {/* Drawn by the server's renderer in this brokerage's kit (shared/render), cached by the browser. */}
        {!loaded && <div className="thumb-skeleton" />}
        <img
          className="design-thumb"
          src={templateThumbnailUrl(t.id, t.version)}
          alt={`${t.title} preview`}
          loading="lazy"
          onLoad={() => setLoaded(true)}
          style={loaded ? undefined : { position: 'absolute', opacity: 0 }}
        />
      </div>
      <div className="template-meta">
        <strong>{t.title}</strong>
        <span className="muted">
          {kindLabel(t.kind)} · {Math.round(t.width)}×{Math.round(t.height)}
          {t.source === 'brokerage' && <> · v{t.version}</>}
        </span>
        {t.source === 'brokerage' && <span className="template-badge">Your brokerage</span>}
        {onRetire && (
          <span
            role="button"
            tabIndex={0}
            className="template-retire"
            title="Retire: no longer offered for new designs"
            onClick={(e) => {
              e.stopPropagation();
              onRetire();
            }}
            onKeyDown={(e) => e.key === 'Enter' && (e.stopPropagation(), onRetire())}
          >
            Retire
          </span>
        )}
      </div>
    </button>
  );
}

export function TemplatePicker({
  onClose,
  onCreate,
}: {
  onClose: () => void;
  onCreate: (title: string, templateId?: string) => Promise<void>;
}) {
  const toasts = useToasts();
  const user = useUser();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .templates()
      .then((ts) => {
        setTemplates(ts);
        if (ts[0]) setSelected((s) => s ?? ts[0].id);
      })
      .catch((err) => {
        toasts.error(err);
        setTemplates([]);
      });
  }, [toasts]);

  const chosen = templates?.find((t) => t.id === selected);

  async function retire(t: TemplateSummary) {
    if (!window.confirm(`Retire “${t.title}”? Agents won't see it for new designs; designs made from it are not affected.`)) return;
    try {
      await api.retireTemplate(t.id);
      setTemplates((ts) => ts?.filter((x) => x.id !== t.id) ?? null);
      if (selected === t.id) setSelected(null);
      toasts.show(`Retired “${t.title}”`, 'success');
    } catch (err) {
      toasts.error(err);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await onCreate(title.trim() || chosen?.title || 'Untitled design', selected ?? undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="New design" onClose={onClose} wide>
      <form onSubmit={submit} className="picker">
        <div className="template-grid" role="list">
          {templates === null && <div className="muted">Loading templates…</div>}
          {templates?.length === 0 && <div className="muted">No templates yet. Ask your brand manager to publish one.</div>}
          {templates?.map((t) => (
            <TemplateCard
              key={t.id}
              t={t}
              selected={t.id === selected}
              onSelect={() => setSelected(t.id)}
              onRetire={
                t.source === 'brokerage' && (user.role === 'brand_manager' || user.role === 'admin') ? () => void retire(t) : undefined
              }
            />
          ))}
        </div>
        <div className="picker-footer">
          <label className="field field-inline">
            <span>Title</span>
            <input name="title" placeholder={chosen?.title ?? 'Untitled design'} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !selected}>
            {busy ? 'Creating…' : 'Create design'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
