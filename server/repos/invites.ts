import type { Queryable } from '../db/index.js';
import type { Role } from './types.js';

export interface Invite {
  id: string;
  brokerageId: string;
  email: string;
  role: Role;
  /** Null for the first admin of a brokerage made from the command line. */
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

interface InviteRow {
  id: string;
  brokerage_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toInvite = (r: InviteRow): Invite => ({
  id: r.id,
  brokerageId: r.brokerage_id,
  email: r.email,
  role: r.role,
  invitedBy: r.invited_by,
  createdAt: iso(r.created_at)!,
  expiresAt: iso(r.expires_at)!,
  acceptedAt: iso(r.accepted_at),
  revokedAt: iso(r.revoked_at),
});

/** Invitations: the token itself is never stored, only its SHA-256. */
export class InviteRepository {
  constructor(private readonly db: Queryable) {}

  async create(input: {
    id: string;
    brokerageId: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string | null;
    expiresAt: Date;
  }): Promise<Invite> {
    // A new invitation replaces any still-open one for the same email.
    await this.db.query(
      'UPDATE invites SET revoked_at = now() WHERE brokerage_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [input.brokerageId, input.email],
    );
    const { rows } = await this.db.query<InviteRow>(
      `INSERT INTO invites (id, brokerage_id, email, role, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [input.id, input.brokerageId, input.email, input.role, input.tokenHash, input.invitedBy, input.expiresAt.toISOString()],
    );
    return toInvite(rows[0]!);
  }

  async listOpen(brokerageId: string): Promise<Invite[]> {
    const { rows } = await this.db.query<InviteRow>(
      'SELECT * FROM invites WHERE brokerage_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 200',
      [brokerageId],
    );
    return rows.map(toInvite);
  }

  async revoke(brokerageId: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE invites SET revoked_at = now() WHERE brokerage_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id',
      [brokerageId, id],
    );
    return rows.length > 0;
  }

  /** A fresh token and expiry for an invitation not yet accepted or revoked (resend): the old link stops working. */
  async renew(brokerageId: string, id: string, tokenHash: string, expiresAt: Date): Promise<Invite | null> {
    const { rows } = await this.db.query<InviteRow>(
      'UPDATE invites SET token_hash = $3, expires_at = $4 WHERE brokerage_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING *',
      [brokerageId, id, tokenHash, expiresAt.toISOString()],
    );
    return rows[0] ? toInvite(rows[0]) : null;
  }

  /** An open invitation by its token's hash (looked up before we know the brokerage). */
  async findOpenByHash(tokenHash: string): Promise<(Invite & { brokerageName: string }) | null> {
    const { rows } = await this.db.query<InviteRow & { brokerage_name: string }>(
      `SELECT i.*, b.name AS brokerage_name FROM invites i JOIN brokerages b ON b.id = i.brokerage_id
       WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ? { ...toInvite(rows[0]), brokerageName: rows[0].brokerage_name } : null;
  }

  /** Uses the invitation up, once: false when it was accepted, revoked or expired meanwhile. */
  async claim(id: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE invites SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id',
      [id, userId],
    );
    return rows.length > 0;
  }
}
