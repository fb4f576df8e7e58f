import { randomUUID } from 'node:crypto';
import type { Notification } from '../../shared/index.js';
import type { Queryable } from '../db/index.js';

export type { Notification };

/** The in-app inbox; `push` delivers it live (socket.io user room). */
export class NotificationService {
  constructor(
    private readonly db: Queryable,
    private readonly push: (userId: string, n: Notification) => void,
  ) {}

  async notify(
    tx: Queryable,
    input: { userId: string; brokerageId: string; kind: string; designId?: string; title: string; body?: string },
  ): Promise<Notification> {
    const n: Notification = {
      id: randomUUID(),
      kind: input.kind,
      designId: input.designId ?? null,
      title: input.title.slice(0, 300),
      body: input.body?.slice(0, 2000) ?? null,
      readAt: null,
      createdAt: new Date().toISOString(),
    };
    await tx.query(
      'INSERT INTO notifications (id, user_id, brokerage_id, kind, design_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [n.id, input.userId, input.brokerageId, n.kind, n.designId, n.title, n.body, n.createdAt],
    );
    return n;
  }

  deliver(userId: string, n: Notification): void {
    this.push(userId, n);
  }

  async inbox(userId: string, limit = 50): Promise<{ unread: number; notifications: Notification[] }> {
    const { rows } = await this.db.query<{
      id: string;
      kind: string;
      design_id: string | null;
      title: string;
      body: string | null;
      read_at: Date | null;
      created_at: Date;
    }>('SELECT * FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit]);
    const unread = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return {
      unread: Number(unread.rows[0]?.n ?? 0),
      notifications: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        designId: r.design_id,
        title: r.title,
        body: r.body,
        readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  async markRead(userId: string, id: string | 'all'): Promise<void> {
    if (id === 'all') await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    else await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = $2 AND read_at IS NULL', [userId, id]);
  }
}
