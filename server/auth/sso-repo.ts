/** Single sign-on's storage: connections, email domains, linked identities, sign-ins under way. */
import type { Queryable } from '../db/index.js';
import { RoleGroupsSchema, type RoleGroups } from './sso-roles.js';

export interface SsoConnectionRow {
  brokerageId: string;
  brokerageName: string;
  issuer: string;
  clientId: string;
  /** Sealed (server/secrets). */
  clientSecret: string;
  groupsClaim: string;
  roleGroups: RoleGroups;
  enforced: boolean;
  breakGlassUserId: string | null;
  domains: string[];
  updatedAt: string;
}

export interface SsoLoginRow {
  brokerageId: string;
  browserHash: string;
  codeVerifier: string;
  nonce: string;
  nextPath: string | null;
}

interface ConnectionDbRow {
  brokerage_id: string;
  brokerage_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  groups_claim: string;
  role_groups: unknown;
  enforced: boolean;
  break_glass_user_id: string | null;
  domains: string[] | null;
  updated_at: Date | string;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const toConnection = (r: ConnectionDbRow): SsoConnectionRow => ({
  brokerageId: r.brokerage_id,
  brokerageName: r.brokerage_name,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  groupsClaim: r.groups_claim,
  roleGroups: RoleGroupsSchema.parse(json(r.role_groups) ?? {}),
  enforced: r.enforced,
  breakGlassUserId: r.break_glass_user_id,
  domains: [...(r.domains ?? [])].sort(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const CONNECTION_SELECT = `SELECT c.*, b.name AS brokerage_name,
    (SELECT array_agg(d.domain) FROM sso_domains d WHERE d.brokerage_id = c.brokerage_id) AS domains
  FROM sso_connections c JOIN brokerages b ON b.id = c.brokerage_id`;

export class SsoRepository {
  constructor(private readonly db: Queryable) {}

  async connection(brokerageId: string): Promise<SsoConnectionRow | null> {
    const { rows } = await this.db.query<ConnectionDbRow>(`${CONNECTION_SELECT} WHERE c.brokerage_id = $1`, [brokerageId]);
    return rows[0] ? toConnection(rows[0]) : null;
  }

  /** The connection for an email's domain (sign-in by email is the one lookup not scoped by brokerage). */
  async connectionForDomain(domain: string): Promise<SsoConnectionRow | null> {
    const { rows } = await this.db.query<ConnectionDbRow>(
      `${CONNECTION_SELECT} JOIN sso_domains sd ON sd.brokerage_id = c.brokerage_id WHERE sd.domain = $1`,
      [domain.toLowerCase()],
    );
    return rows[0] ? toConnection(rows[0]) : null;
  }

  /** Domains among `domains` that another brokerage already uses. */
  async domainsTakenElsewhere(brokerageId: string, domains: string[]): Promise<string[]> {
    if (!domains.length) return [];
    const { rows } = await this.db.query<{ domain: string }>(
      'SELECT domain FROM sso_domains WHERE domain = ANY($1::text[]) AND brokerage_id <> $2',
      [domains, brokerageId],
    );
    return rows.map((r) => r.domain);
  }

  /** Creates or replaces a brokerage's connection and its domains (in the caller's transaction). */
  async save(
    brokerageId: string,
    input: {
      issuer: string;
      clientId: string;
      clientSecret: string;
      groupsClaim: string;
      roleGroups: RoleGroups;
      enforced: boolean;
      breakGlassUserId: string | null;
      domains: string[];
    },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO sso_connections (brokerage_id, issuer, client_id, client_secret, groups_claim, role_groups, enforced, break_glass_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (brokerage_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id, client_secret = EXCLUDED.client_secret,
         groups_claim = EXCLUDED.groups_claim, role_groups = EXCLUDED.role_groups, enforced = EXCLUDED.enforced,
         break_glass_user_id = EXCLUDED.break_glass_user_id, updated_at = now()`,
      [
        brokerageId,
        input.issuer,
        input.clientId,
        input.clientSecret,
        input.groupsClaim,
        JSON.stringify(input.roleGroups),
        input.enforced,
        input.breakGlassUserId,
      ],
    );
    await this.db.query('DELETE FROM sso_domains WHERE brokerage_id = $1', [brokerageId]);
    for (const domain of input.domains)
      await this.db.query('INSERT INTO sso_domains (domain, brokerage_id) VALUES ($1, $2)', [domain, brokerageId]);
  }

  async remove(brokerageId: string): Promise<boolean> {
    await this.db.query('DELETE FROM sso_domains WHERE brokerage_id = $1', [brokerageId]);
    const { rows } = await this.db.query('DELETE FROM sso_connections WHERE brokerage_id = $1 RETURNING brokerage_id', [brokerageId]);
    return rows.length > 0;
  }

  /** For password log-in: whether this person's brokerage enforces SSO, and who its break-glass admin is. */
  async enforcementFor(brokerageId: string): Promise<{ enforced: boolean; breakGlassUserId: string | null } | null> {
    const { rows } = await this.db.query<{ enforced: boolean; break_glass_user_id: string | null }>(
      'SELECT enforced, break_glass_user_id FROM sso_connections WHERE brokerage_id = $1',
      [brokerageId],
    );
    return rows[0] ? { enforced: rows[0].enforced, breakGlassUserId: rows[0].break_glass_user_id } : null;
  }

  /** An active admin of the brokerage (the break-glass account must be one). */
  async isActiveAdmin(brokerageId: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query("SELECT 1 FROM users WHERE brokerage_id = $1 AND id = $2 AND role = 'admin' AND active", [
      brokerageId,
      userId,
    ]);
    return rows.length > 0;
  }

  // ---- sign-ins under way ----

  async startLogin(stateHash: string, row: SsoLoginRow, expiresAt: Date): Promise<void> {
    // Old, unfinished sign-ins go as new ones start (bounded table, no sweeper needed).
    await this.db.query('DELETE FROM sso_logins WHERE expires_at < now()');
    await this.db.query(
      `INSERT INTO sso_logins (state_hash, browser_hash, brokerage_id, code_verifier, nonce, next_path, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [stateHash, row.browserHash, row.brokerageId, row.codeVerifier, row.nonce, row.nextPath, expiresAt],
    );
  }

  /** Uses up a sign-in under way (single use); null when unknown or expired. */
  async takeLogin(stateHash: string): Promise<SsoLoginRow | null> {
    const { rows } = await this.db.query<{
      brokerage_id: string;
      browser_hash: string;
      code_verifier: string;
      nonce: string;
      next_path: string | null;
      live: boolean;
    }>(
      'DELETE FROM sso_logins WHERE state_hash = $1 RETURNING brokerage_id, browser_hash, code_verifier, nonce, next_path, expires_at > now() AS live',
      [stateHash],
    );
    const r = rows[0];
    return r && r.live
      ? { brokerageId: r.brokerage_id, browserHash: r.browser_hash, codeVerifier: r.code_verifier, nonce: r.nonce, nextPath: r.next_path }
      : null;
  }

  // ---- people ----

  /** The person linked to an IdP account. */
  async linkedUser(issuer: string, subject: string): Promise<{ userId: string; brokerageId: string } | null> {
    const { rows } = await this.db.query<{ user_id: string; brokerage_id: string }>(
      'SELECT user_id, brokerage_id FROM sso_identities WHERE issuer = $1 AND subject = $2',
      [issuer, subject],
    );
    return rows[0] ? { userId: rows[0].user_id, brokerageId: rows[0].brokerage_id } : null;
  }

  async link(issuer: string, subject: string, userId: string, brokerageId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO sso_identities (issuer, subject, user_id, brokerage_id, last_login_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (issuer, subject) DO UPDATE SET last_login_at = now()`,
      [issuer, subject, userId, brokerageId],
    );
  }

  /** Anyone with this email, in any brokerage (emails are unique across the service). */
  async personByEmail(email: string): Promise<{ id: string; brokerageId: string; role: string; active: boolean; name: string } | null> {
    const { rows } = await this.db.query<{ id: string; brokerage_id: string; role: string; active: boolean; name: string }>(
      'SELECT id, brokerage_id, role, active, name FROM users WHERE email = $1',
      [email.trim().toLowerCase()],
    );
    const r = rows[0];
    return r ? { id: r.id, brokerageId: r.brokerage_id, role: r.role, active: r.active, name: r.name } : null;
  }
}
