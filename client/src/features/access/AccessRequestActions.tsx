import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.js';
import { accessApi, type AccessRequest } from './api.js';

/** In the inbox, under an access request: grant view or edit in one click (each open request of the design). */
export function AccessRequestActions({ designId }: { designId: string }) {
  const [requests, setRequests] = useState<AccessRequest[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    accessApi.pending(designId).then(
      (r) => setRequests(r.requests),
      () => setRequests([]),
    );
  }, [designId]);

  async function grant(r: AccessRequest, access: 'view' | 'edit') {
    setError(null);
    try {
      await accessApi.grant(r.id, access);
      setRequests((list) => list?.filter((x) => x.id !== r.id) ?? null);
      setDone(`${r.requesterName} can now ${access} it.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="access-request-actions">
      {requests?.map((r) => (
        <div key={r.id} className="inline-form">
          <span className="muted">{r.requesterName}:</span>
          <button className="btn btn-small btn-primary" onClick={() => void grant(r, 'view')}>
            Grant view
          </button>
          <button className="btn btn-small" onClick={() => void grant(r, 'edit')}>
            Grant edit
          </button>
        </div>
      ))}
      {done && <span role="status">{done}</span>}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
