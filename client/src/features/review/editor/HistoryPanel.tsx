/** Version history: a newest-first timeline with who changed what, named versions, read-only previews and restore. */
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Design } from '../../../../../shared/design/index.js';
import { layerLabel } from '../../../editor/engine/store.js';
import { useEditor } from '../../../editor/ui/context.js';
import { useToasts } from '../../../toasts.js';
import { workflowApi, type Version } from '../api.js';
import { relativeTime } from '../format.js';
import { useWorkflow } from './context.js';
import { countsText, groupByDay, summarizeChanges, VERSION_KIND_LABEL, versionTitle } from './timeline.js';
import { VersionCanvas } from './VersionPreview.js';

const POLL_MS = 10_000;

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

function NameVersion({ onNamed }: { onNamed(): void }) {
  const w = useWorkflow();
  const toasts = useToasts();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const n = name.trim();
    if (!n || busy) return;
    setBusy(true);
    try {
      await workflowApi.nameVersion(w.designId, n);
      setName('');
      toasts.show(`Saved version “${n}”`, 'success');
      onNamed();
    } catch (err) {
      toasts.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="name-version"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        className="input"
        value={name}
        maxLength={120}
        placeholder="Name this version, e.g. “Before price change”"
        aria-label="Version name"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="version-name-input"
      />
      <button className="btn btn-small" disabled={!name.trim() || busy} data-testid="version-name-save">
        Save
      </button>
    </form>
  );
}

function ConfirmRestore({ v, onCancel, onConfirm, busy }: { v: Version; onCancel(): void; onConfirm(): void; busy: boolean }) {
  return createPortal(
    <div className="modal-backdrop" onClick={onCancel}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        onClick={(e) => e.stopPropagation()}
        data-testid="restore-dialog"
      >
        <div className="modal-header">
          <h2 id="restore-title">Restore this version?</h2>
        </div>
        <div className="modal-body">
          <p>
            The design goes back to <strong>{versionTitle(v)}</strong> from {new Date(v.createdAt).toLocaleString()}. Everyone who has it
            open sees the change right away.
          </p>
          <p className="muted">Nothing is lost: the current state stays in the history and you can restore it later.</p>
        </div>
        <div className="modal-footer">
          <button className="btn" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={onConfirm} disabled={busy} data-testid="restore-confirm">
            {busy ? 'Restoring…' : 'Restore'}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

function PreviewDialog({ v, onClose, onRestore, canRestore }: { v: Version; onClose(): void; onRestore(): void; canRestore: boolean }) {
  const w = useWorkflow();
  const [design, setDesign] = useState<Design | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let ok = true;
    workflowApi
      .version(w.designId, v.id)
      .then((r) => ok && setDesign(r.design))
      .catch((err: unknown) => ok && setError(err instanceof Error ? err.message : 'Could not load this version'));
    return () => {
      ok = false;
    };
  }, [w.designId, v.id]);
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  const maxW = Math.min(window.innerWidth - 120, 900);
  const maxH = window.innerHeight - 200;
  return createPortal(
    <div className="modal-backdrop version-preview-backdrop" onClick={onClose}>
      <div
        className="version-preview"
        role="dialog"
        aria-modal="true"
        aria-label="Version preview"
        onClick={(e) => e.stopPropagation()}
        data-testid="version-preview"
      >
        <header className="version-preview-head">
          <div>
            <span className={`kind-badge kind-${v.kind}`}>{VERSION_KIND_LABEL[v.kind]}</span> <strong>{versionTitle(v)}</strong>
            <div className="muted">
              {new Date(v.createdAt).toLocaleString()}
              {v.createdByName ? ` · ${v.createdByName}` : ''} · read-only preview
            </div>
          </div>
          <div className="version-preview-actions">
            {canRestore && (
              <button className="btn btn-primary" onClick={onRestore} data-testid="preview-restore">
                Restore this version
              </button>
            )}
            <button className="btn" onClick={onClose} data-testid="preview-close">
              Close
            </button>
          </div>
        </header>
        <div className="version-preview-stage">
          {error ? (
            <p className="error-text">{error}</p>
          ) : design ? (
            <VersionCanvas design={design} maxWidth={maxW} maxHeight={maxH} />
          ) : (
            <div className="spinner" />
          )}
        </div>
      </div>
    </div>,
    document.body,
  );
}

function VersionItem({
  v,
  latest,
  onPreview,
  onRestore,
  canRestore,
}: {
  v: Version;
  latest: boolean;
  onPreview(): void;
  onRestore(): void;
  canRestore: boolean;
}) {
  const { editor } = useEditor();
  const labelOf = (id: string) => {
    const m = editor.binding.model(id);
    return m ? layerLabel(m) : null;
  };
  const people = summarizeChanges(v, labelOf);
  return (
    <li className={`version kind-${v.kind}`} data-testid="version-item" data-kind={v.kind}>
      <span className="version-dot" aria-hidden />
      <div className="version-main">
        <div className="version-head">
          <time dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()}>
            {timeOf(v.createdAt)}
          </time>
          <span className={`kind-badge kind-${v.kind}`}>{VERSION_KIND_LABEL[v.kind]}</span>
          {latest && <span className="muted latest">latest</span>}
        </div>
        <div className="version-title">{versionTitle(v)}</div>
        {v.createdByName && !people.some((p) => p.name === v.createdByName) && <div className="muted version-by">by {v.createdByName}</div>}
        {people.length > 0 && (
          <ul className="version-people">
            {people.map((p) => (
              <li key={p.userId || p.name}>
                <strong>{p.name}</strong> <span className="muted">{countsText(p)}</span>
                {p.names.length > 0 && (
                  <div className="version-objects">
                    {p.names.join(', ')}
                    {p.more > 0 ? ` +${p.more} more` : ''}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="version-actions">
          <button className="btn btn-small btn-ghost" onClick={onPreview} data-testid="version-preview-button">
            Preview
          </button>
          {canRestore && !latest && (
            <button className="btn btn-small btn-ghost" onClick={onRestore} data-testid="version-restore-button">
              Restore
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

export function HistoryPanel() {
  const w = useWorkflow();
  const toasts = useToasts();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Version | null>(null);
  const [confirm, setConfirm] = useState<Version | null>(null);
  const [restoring, setRestoring] = useState(false);
  const canRestore = w.mayEdit && !w.readOnly;

  const load = useCallback(async () => {
    try {
      const r = await workflowApi.versions(w.designId);
      setVersions(r.versions);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not load the history');
    }
  }, [w.designId]);
  useEffect(() => {
    void load();
    const t = setInterval(() => document.visibilityState === 'visible' && void load(), POLL_MS);
    return () => clearInterval(t);
  }, [load, w.versionsEpoch]);

  const restore = async () => {
    if (!confirm) return;
    setRestoring(true);
    try {
      await workflowApi.restore(w.designId, confirm.id);
      toasts.show(`Restored “${versionTitle(confirm)}” from ${relativeTime(confirm.createdAt)}`, 'success');
      setConfirm(null);
      setPreview(null);
      await load();
    } catch (err) {
      toasts.error(err);
    } finally {
      setRestoring(false);
    }
  };

  const groups = versions ? groupByDay(versions) : [];
  const latestId = groups[0]?.versions[0]?.id;
  return (
    <div className="history-panel" data-testid="history-panel">
      {w.mayEdit && <NameVersion onNamed={() => void load()} />}
      {!w.mayEdit && <p className="muted history-note">You can preview earlier versions. Restoring needs edit access.</p>}
      {w.mayEdit && w.readOnly && <p className="muted history-note">Switch to editing to restore a version.</p>}
      {error && <p className="error-text history-note">{error}</p>}
      {versions === null && !error ? (
        <div className="panel-loading">
          <div className="spinner spinner-small" />
        </div>
      ) : versions && versions.length === 0 ? (
        <div className="comments-empty">
          <strong>No versions yet</strong>
          <span className="muted">
            Versions are saved automatically after a burst of edits, on submit and on approval. Name one to mark a milestone.
          </span>
        </div>
      ) : (
        <div className="timeline" data-testid="version-timeline">
          {groups.map((g) => (
            <section key={g.key}>
              <h3 className="timeline-day">{g.label}</h3>
              <ul className="version-list">
                {g.versions.map((v) => (
                  <VersionItem
                    key={v.id}
                    v={v}
                    latest={v.id === latestId}
                    canRestore={canRestore}
                    onPreview={() => setPreview(v)}
                    onRestore={() => setConfirm(v)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {preview && (
        <PreviewDialog
          v={preview}
          canRestore={canRestore && preview.id !== latestId}
          onClose={() => setPreview(null)}
          onRestore={() => setConfirm(preview)}
        />
      )}
      {confirm && <ConfirmRestore v={confirm} busy={restoring} onCancel={() => setConfirm(null)} onConfirm={() => void restore()} />}
    </div>
  );
}
