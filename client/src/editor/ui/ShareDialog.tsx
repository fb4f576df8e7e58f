import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage, type DesignShare } from '../../api.js';
import { initials } from '../../components/initials.js';
import { Modal } from '../../components/Modal.js';
import { useToasts } from '../../toasts.js';
import { useEditor } from './context.js';

/** Share the design with people in the same brokerage (view or edit). */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { editor } = useEditor();
  const toasts = useToasts();
  const designId = editor.opts.designId;
  const [shares, setShares] = useState<DesignShare[] | null>(null);
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<'edit' | 'view'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .shares(designId)
      .then((r) => setShares(r.shares))
      .catch((err) => {
        setShares([]);
        toasts.error(err);
      });
  }, [designId, toasts]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { share } = await api.share(designId, email.trim(), access);
      setShares((s) => [...(s ?? []).filter((x) => x.userId !== share.userId), share].sort((a, b) => a.name.localeCompare(b.name)));
      setEmail('');
      toasts.show(`Shared with ${share.name}`, 'success');
    } catch (err) {
      setError(errorMessage(err).replace(/^email: /, ''));
    } finally {
      setBusy(false);
    }
  }

  async function remove(s: DesignShare) {
    try {
      await api.unshare(designId, s.userId);
      setShares((list) => list?.filter((x) => x.userId !== s.userId) ?? null);
    } catch (err) {
      toasts.error(err);
    }
  }

  return (
    <Modal title="Share design" onClose={onClose}>
      <form className="share-form" onSubmit={submit}>
        <input
          name="share-email"
          type="email"
          required
          placeholder="colleague@brokerage.com"
          aria-label="Email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
        <select aria-label="Access" value={access} onChange={(e) => setAccess(e.target.value as 'edit' | 'view')}>
          <option value="edit">Can edit</option>
          <option value="view">Can view</option>
        </select>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          Share
        </button>
      </form>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <p className="hint">People in your brokerage only. Brand managers can always review.</p>
      <ul className="share-list">
        {shares === null && <li className="muted">Loading…</li>}
        {shares?.length === 0 && <li className="muted">Not shared with anyone yet.</li>}
        {shares?.map((s) => (
          <li key={s.userId} data-testid="share">
            <span className="avatar">{initials(s.name)}</span>
            <span className="share-who">
              <strong>{s.name}</strong>
              <span className="muted">{s.email}</span>
            </span>
            <span className="pill">{s.access === 'edit' ? 'Can edit' : 'Can view'}</span>
            <button className="btn btn-ghost btn-small" onClick={() => remove(s)} aria-label={`Stop sharing with ${s.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
