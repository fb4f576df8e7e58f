import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { accessApi, type DesignAccessInfo } from './api.js';

/**
 * What a design the editor could not open shows: for a colleague's design, that they have no
 * access, whose it is, and a way to ask; otherwise (another brokerage's, or none) "not found".
 */
export function NoAccessPage({ designId }: { designId: string }) {
  const [info, setInfo] = useState<DesignAccessInfo | null | 'none'>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    accessApi.info(designId).then(setInfo, () => setInfo('none'));
  }, [designId]);

  async function ask(access: 'view' | 'edit') {
    setBusy(true);
    setError(null);
    try {
      const { request } = await accessApi.ask(designId, access, message.trim() || null);
      setInfo((i) => (i && i !== 'none' ? { ...i, pending: request } : i));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (info === null)
    return (
      <div className="page-loading">
        <div className="spinner" />
      </div>
    );
  if (info === 'none' || info.access !== 'none')
    return <NotFoundPage title="Design not found" message="This design does not exist or was deleted." />;
  return (
    <div className="center-page">
      <div className="empty-card" data-testid="no-access">
        <h1>You don’t have access to this design</h1>
        <p>It belongs to {info.ownerName}. Ask them to let you in; they are notified at once.</p>
        {info.pending ? (
          <p role="status">
            You asked for {info.pending.access} access. {info.ownerName} has been notified.
          </p>
        ) : (
          <>
            <label className="field">
              <span>Message (optional)</span>
              <input name="message" maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} />
            </label>
            {error && (
              <div className="form-error" role="alert">
                {error}
              </div>
            )}
            <div className="form-actions">
              <button className="btn btn-primary" disabled={busy} onClick={() => void ask('view')}>
                Ask to view
              </button>
              <button className="btn" disabled={busy} onClick={() => void ask('edit')}>
                Ask to edit
              </button>
            </div>
          </>
        )}
        <Link className="btn btn-ghost" to="/designs">
          Back to my designs
        </Link>
      </div>
    </div>
  );
}
