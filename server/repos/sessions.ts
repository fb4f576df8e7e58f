import type { Queryable } from '../db/index.js';

/**
 * Sessions and their refresh tokens. A session is one refresh-token family:
 * each refresh token is used once and replaced by the next; presenting a used
 * one again revokes the whole family.
 */
export class SessionRepository {
  constructor(private readonly db: Queryable) {}

  async create(input: {
    id: string;
    userId: string;
    brokerageId: string;
    expiresAt: Date;
    ip?: string;
    userAgent?: string;
  }): Promise<void> {
    await this.db.query('INSERT INTO sessions (id, user_id, brokerage_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)', [
      input.id,
      input.userId,
      input.brokerageId,
      input.expiresAt.toISOString(),
      input.ip ?? null,
      input.userAgent?.slice(0, 500) ?? null,
    ]);
  }

  /** True when the session exists, is not revoked or expired, its user is active and their brokerage not switched off. */
  async isLive(id: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id JOIN brokerages b ON b.id = u.brokerage_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active AND b.switched_off_at IS NULL`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async revoke(id: string, reason = 'logout'): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL', [id, reason]);
  }

  /** Ends every session of a user (but `except`); returns how many. */
  async revokeAllOf(brokerageId: string, userId: string, reason: string, except?: string): Promise<number> {
    const { rows } = await this.db.query(
      'UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE brokerage_id = $1 AND user_id = $2 AND revoked_at IS NULL AND id <> $4 RETURNING id',
      [brokerageId, userId, reason, except ?? ''],
    );
    return rows.length;
  }

  /** Ends every session in the brokerage (it was switched off); returns how many. */
  async revokeAllInBrokerage(brokerageId: string, reason: string): Promise<number> {
    const { rows } = await this.db.query(
      'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE brokerage_id = $1 AND revoked_at IS NULL RETURNING id',
      [brokerageId, reason],
    );
    return rows.length;
  }

  async addRefreshToken(input: { id: string; sessionId: string; brokerageId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.db.query('INSERT INTO refresh_tokens (id, session_id, brokerage_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      input.id,
      input.sessionId,
      input.brokerageId,
      input.tokenHash,
      input.expiresAt.toISOString(),
    ]);
  }

  /** The refresh token with this hash and its session, whatever their state. */
  async findRefreshToken(tokenHash: string): Promise<{
    id: string;
    sessionId: string;
    brokerageId: string;
    userId: string;
    usedAt: Date | null;
    expired: boolean;
    sessionLive: boolean;
  } | null> {
    const { rows } = await this.db.query<{
      id: string;
      session_id: string;
      brokerage_id: string;
      user_id: string;
      used_at: Date | string | null;
      expired: boolean;
      session_live: boolean;
    }>(
      `SELECT r.id, r.session_id, r.brokerage_id, s.user_id, r.used_at, (r.expires_at <= now()) AS expired,
              (s.revoked_at IS NULL AND s.expires_at > now() AND u.active) AS session_live
       FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id
       WHERE r.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      sessionId: r.session_id,
      brokerageId: r.brokerage_id,
      userId: r.user_id,
      usedAt: r.used_at === null ? null : new Date(r.used_at),
      expired: r.expired,
      sessionLive: r.session_live,
    };
  }

  /** Marks a refresh token used, once: false when someone used it first (a race or a replay). */
  async useRefreshToken(id: string, replacedBy: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE refresh_tokens SET used_at = now(), replaced_by = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
      [id, replacedBy],
    );
    return rows.length > 0;
  }

  async touch(id: string): Promise<void> {
    await this.db.query('UPDATE sessions SET last_used_at = now() WHERE id = $1', [id]);
  }
}
