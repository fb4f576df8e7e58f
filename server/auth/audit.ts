import type { AuditEntry } from '../../shared/index.js';
import type { AuditQuery } from '../../shared/api/audit.js';
import type { Db, Queryable } from '../db/index.js';

/** Actions recorded in the audit log (others may add more: any `area.verb` string is accepted). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_all',
  'auth.refresh_reuse',
  'auth.password_changed',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'people.invited',
  'people.invite_revoked',
  'people.invite_accepted',
  'people.role_changed',
  'people.deactivated',
  'people.reactivated',
  'design.shared',
  'design.unshared',
  'design.lock_changed',
  'design.lock_reverted',
  'design.approved',
  'design.exported',
  'brand_kit.changed',
] as const;

export interface AuditEvent {
  /** Null only for events that belong to no brokerage (e.g. a failed log-in to an unknown email). */
  brokerageId: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

export type { AuditEntry } from '../../shared/index.js';

export { AuditQuerySchema, type AuditQuery } from '../../shared/api/audit.js';

/**
 * The audit log. `record` never throws and never blocks the caller's work: a
 * failure to write is logged. Anyone with the database may use it:
 * `new AuditLog(db).record({ brokerageId, actorId, action: 'design.exported', targetType: 'design', targetId })`,
 * or `app.audit.record(...)` (a Fastify decorator).
 */
export class AuditLog {
  constructor(
    private readonly db: Queryable,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  record(event: AuditEvent): Promise<void> {
    return this.write(event).catch((err) => this.onError(err));
  }

  /** Like `record`, but the caller waits for it and sees failures. */
  async write(event: AuditEvent, db: Queryable = this.db): Promise<void> {
    await db.query(
      `INSERT INTO audit_log (brokerage_id, actor_id, actor_email, action, target_type, target_id, details, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.brokerageId,
        event.actorId ?? null,
        event.actorEmail ?? null,
        event.action.slice(0, 64),
        event.targetType ?? null,
        event.targetId ?? null,
        JSON.stringify(event.details ?? {}),
        event.ip ?? null,
        event.userAgent?.slice(0, 300) ?? null,
      ],
    );
  }

  /** One brokerage's entries, newest first, filtered. `actor` matches an actor id or email. */
  async list(db: Queryable, brokerageId: string, q: AuditQuery): Promise<AuditEntry[]> {
    const where = ['brokerage_id = $1'];
    const params: unknown[] = [brokerageId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.actor) {
      params.push(q.actor, q.actor.toLowerCase());
      where.push(`(actor_id = $${params.length - 1} OR actor_email = $${params.length})`);
    }
    if (q.design) add("target_type = 'design' AND target_id = ?", q.design);
    if (q.action) add(q.action.includes('.') ? 'action = ?' : "split_part(action, '.', 1) = ?", q.action);
    if (q.from) add('at >= ?', q.from);
    if (q.to) add('at <= ?', q.to);
    if (q.before) add('id < ?', q.before);
    params.push(q.limit);
    const { rows } = await db.query<{
      id: number;
      at: Date | string;
      actor_id: string | null;
      actor_email: string | null;
      action: string;
      target_type: string | null;
      target_id: string | null;
      details: unknown;
      ip: string | null;
      user_agent: string | null;
    }>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`, params);
    return rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
      ip: r.ip,
      userAgent: r.user_agent,
    }));
  }
}

export type { Db };
