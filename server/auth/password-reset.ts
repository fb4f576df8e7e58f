import { randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import type { MailService } from '../mail/index.js';
import type { AuditLog } from './audit.js';
import { hashPassword } from './password.js';
import { sha256, type AuthService } from './service.js';

/** A reset link works this long, once. */
export const RESET_TTL_MINUTES = 30;
/** At most this many links per person per TTL window (more requests are answered alike and ignored). */
const MAX_OPEN_RESETS = 3;
export { RESET_TOKEN } from '../../shared/api/auth.js';

const invalidLink = () =>
  new AppError(400, 'reset_link_invalid', 'This reset link is not valid any more (used or expired). Ask for a new one.');

/** A new single-use reset token for a person (emailed by PasswordResets, printed by the operator's command line). */
export async function issueResetToken(db: Queryable, person: { id: string; brokerageId: string }): Promise<string> {
  const token = `pwr1.${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO password_resets (id, user_id, brokerage_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    randomUUID(),
    person.id,
    person.brokerageId,
    sha256(token),
    new Date(Date.now() + RESET_TTL_MINUTES * 60_000).toISOString(),
  ]);
  return token;
}

/** Password reset by email: a single-use, 30-minute link; using it ends every session of the person. */
export class PasswordResets {
  constructor(private readonly deps: { db: Db; auth: AuthService; mail: MailService; audit: AuditLog }) {}

  /**
   * Emails a reset link when the address belongs to an active account. The caller answers the
   * same either way (no account discovery); the mail goes out in the background for the same reason.
   */
  async request(email: string, meta: { ip?: string }): Promise<void> {
    const normalized = email.trim().toLowerCase();
    const { rows } = await this.deps.db.query<{ id: string; brokerage_id: string; name: string; active: boolean }>(
      'SELECT id, brokerage_id, name, active FROM users WHERE email = $1',
      [normalized],
    );
    const person = rows[0];
    if (!person?.active) return;
    const recent = await this.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND created_at > now() - make_interval(mins => $2)`,
      [person.id, RESET_TTL_MINUTES],
    );
    if (Number(recent.rows[0]?.n ?? 0) >= MAX_OPEN_RESETS) return;
    const token = await issueResetToken(this.deps.db, { id: person.id, brokerageId: person.brokerage_id });
    await this.deps.audit.record({
      brokerageId: person.brokerage_id,
      actorId: person.id,
      actorEmail: normalized,
      action: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: person.id,
      ip: meta.ip,
    });
    void this.deps.mail.send(person.brokerage_id, normalized, {
      kind: 'password_reset',
      name: person.name,
      link: this.deps.mail.link(`/reset-password/${token}`),
      minutes: RESET_TTL_MINUTES,
    });
  }

  /** Whom an open link is for (the reset page greets them); 400 when used or expired. */
  async preview(token: string): Promise<{ email: string }> {
    const { rows } = await this.deps.db.query<{ email: string }>(
      'SELECT u.email FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active',
      [sha256(token)],
    );
    if (!rows[0]) throw invalidLink();
    return { email: rows[0].email };
  }

  /** Sets the new password with an open link (used up, with every other open link of the person) and ends every session. */
  async complete(token: string, password: string, meta: { ip?: string }): Promise<{ email: string }> {
    const passwordHash = await hashPassword(password);
    const person = await this.deps.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ user_id: string; brokerage_id: string; email: string }>(
        `UPDATE password_resets r SET used_at = now() FROM users u
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id AND u.active
          RETURNING r.user_id, r.brokerage_id, u.email`,
        [sha256(token)],
      );
      const found = rows[0];
      if (!found) throw invalidLink();
      await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [found.user_id]);
      await tx.query('UPDATE users SET password_hash = $3, password_changed_at = now() WHERE brokerage_id = $1 AND id = $2', [
        found.brokerage_id,
        found.user_id,
        passwordHash,
      ]);
      return found;
    });
    await this.deps.auth.logoutAll({ id: person.user_id, brokerageId: person.brokerage_id }, 'password_reset');
    await this.deps.audit.record({
      brokerageId: person.brokerage_id,
      actorId: person.user_id,
      actorEmail: person.email,
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: person.user_id,
      ip: meta.ip,
    });
    return { email: person.email };
  }
}
