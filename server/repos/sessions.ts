import type { Queryable } from '../db/index.js';

export class SessionRepository {
  constructor(private readonly db: Queryable) {}

  async create(input: { id: string; userId: string; brokerageId: string; expiresAt: Date; ip?: string; userAgent?: string }): Promise<void> {
    await this.db.query(
      'INSERT INTO sessions (id, user_id, brokerage_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
      [input.id, input.userId, input.brokerageId, input.expiresAt.toISOString(), input.ip ?? null, input.userAgent?.slice(0, 500) ?? null],
    );
  }

  /** True when the session exists, is not revoked and its user is active. */
  async isLive(id: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async revoke(id: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  }
}
