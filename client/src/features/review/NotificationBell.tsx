import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useToasts } from '../../toasts.js';
import { workflowApi, type Notification } from './api.js';
import { useLiveEvent } from './useLiveEvent.js';
import { Icon } from '../../components/icons.js';

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
      <Icon name="bell" size={18} strokeWidth={2} />
      {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
