import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useToasts } from '../../toasts.js';
import { workflowApi, type Notification } from './api.js';
import { useLiveEvent } from './useLiveEvent.js';

/** Header bell: unread count, live. */
export function NotificationBell() {
  const toasts = useToasts();
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    workflowApi
      .inbox()
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  useLiveEvent<Notification>('notification', (n) => {
    refresh();
    if (n?.title) toasts.show(n.title, 'info');
  });
  return (
    <Link to="/inbox" className="notification-bell" aria-label={unread ? `Inbox, ${unread} unread` : 'Inbox'} data-testid="inbox-bell">
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
