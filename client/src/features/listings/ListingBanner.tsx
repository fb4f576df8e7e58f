/**
 * "Listing changed → update" banner in the editor: shown when the listing a
 * design was made from changed since its last merge (price drop, status
 * change, …). Applying updates only the bound fields, server-side, as
 * ordinary collaborative changes; the agent's other edits are left alone.
 */
import { useCallback, useEffect, useState } from 'react';
import './listing.css';
import { errorMessage } from '../../api.js';
import { bindingLabel, listingApi, type ListingChange } from './api.js';

const POLL_MS = 20_000;

export function ListingUpdateBanner({ designId, canEdit = true }: { designId: string; canEdit?: boolean }) {
  const [changes, setChanges] = useState<ListingChange[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const check = useCallback(() => {
    listingApi
      .pendingUpdate(designId)
      .then((r) => setChanges(r.changed))
      .catch(() => undefined);
  }, [designId]);

  useEffect(() => {
    check();
    const timer = window.setInterval(check, POLL_MS);
    window.addEventListener('focus', check);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [check]);

  async function apply() {
    setBusy(true);
    try {
      const r = await listingApi.applyUpdate(designId);
      setChanges([]);
      setNote(
        r.kept.length > 0
          ? `Updated ${r.applied.length} field(s). ${r.kept.length} field(s) you edited were kept as they are.`
          : `Updated ${r.applied.length} field(s) from the listing.`,
      );
      window.setTimeout(() => setNote(null), 5_000);
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (changes.length === 0) {
    return note ? (
      <div className="listing-banner listing-banner-done" role="status" data-testid="listing-update-done">
        {note}
      </div>
    ) : null;
  }
  return (
    <div className="listing-banner" role="status" data-testid="listing-update-banner">
      <strong>The listing changed.</strong>
      <ul>
        {changes.map((c) => (
          <li key={c.binding}>
            {bindingLabel(c.binding)}: <s>{c.from || '—'}</s> → <b>{c.to || '—'}</b>
          </li>
        ))}
      </ul>
      {canEdit && (
        <button className="btn btn-primary" onClick={apply} disabled={busy} data-testid="listing-update-apply">
          {busy ? 'Updating…' : 'Update design'}
        </button>
      )}
      <button className="btn btn-ghost" onClick={() => setChanges([])}>
        Not now
      </button>
    </div>
  );
}
