import { Link } from 'react-router-dom';
import { useToasts } from '../../toasts.js';
import { workflowApi, type Notification } from './api.js';
import { relativeTime } from './format.js';
import { useLiveList } from './useLiveEvent.js';
import { AccessRequestActions } from '../access/AccessRequestActions.js';

const ICON: Record<string, string> = {
  changes_requested: '↩',
  approved: '✓',
  review_requested: '⧗',
  mention: '@',
  comment: '“',
  listing_changed: '⌂',
};

/** The in-app inbox: review decisions, mentions and comments, newest first, live. */
export function InboxPage() {
  const toasts = useToasts();
  const [items, load] = useLiveList<Notification>(() => workflowApi.inbox().then((r) => r.notifications), 'notification');

  async function read(id: string | 'all') {
    await workflowApi.markRead(id).catch((err) => toasts.error(err));
    load();
  }

  return (
    <div className="page">
      <main className="page-main workflow-page">
        <div className="page-title-row">
          <h1>Inbox</h1>
          {items && items.some((n) => !n.readAt) && (
            <button className="btn btn-ghost" onClick={() => void read('all')}>
              Mark all as read
            </button>
          )}
        </div>
        {items === null ? (
          <div className="page-loading">
            <div className="spinner" />
          </div>
        ) : items.length === 0 ? (
          <div className="empty-state">
            <h2>Nothing yet</h2>
            <p className="muted">Review decisions, comments and mentions will show up here.</p>
          </div>
        ) : (
          <ul className="inbox-list" data-testid="inbox">
            {items.map((n) => (
              <li key={n.id} className={`inbox-item kind-${n.kind} ${n.readAt ? 'read' : 'unread'}`} data-testid="inbox-item">
                <span className="inbox-icon" aria-hidden>
                  {ICON[n.kind] ?? '•'}
                </span>
                <div className="inbox-main">
                  {n.designId ? (
                    <Link to={`/designs/${n.designId}`} onClick={() => !n.readAt && void workflowApi.markRead(n.id)}>
                      {n.title}
                    </Link>
                  ) : (
                    <strong>{n.title}</strong>
                  )}
                  {n.body && <p className="inbox-body">{n.body}</p>}
                  {n.kind === 'access_requested' && n.designId && <AccessRequestActions designId={n.designId} />}
                  <span className="muted">{relativeTime(n.createdAt)}</span>
                </div>
                {!n.readAt && (
                  <button className="btn btn-ghost btn-small" onClick={() => void read(n.id)}>
                    Mark read
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
