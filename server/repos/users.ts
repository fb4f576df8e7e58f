import type { Queryable } from '../db/index.js';
import type { Role, User } from './types.js';

interface UserRow {
  id: string;
  brokerage_id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  password_hash: string;
  totp_enabled?: boolean;
  created_at?: Date | string;
}

/** The columns a User is made of. */
type UserCore = Pick<UserRow, 'id' | 'brokerage_id' | 'email' | 'name' | 'role' | 'active'>;

const toUser = (r: UserCore): User => ({
  id: r.id,
  brokerageId: r.brokerage_id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
});

export class UserRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Log-in is the one lookup not scoped by brokerage: the email is how we find it. `brokerageOff`: the
   * person's brokerage is switched off (a demo brokerage on a real deployment).
   */
  async findForLogin(email: string): Promise<(User & { passwordHash: string; totpEnabled: boolean; brokerageOff: boolean }) | null> {
    const { rows } = await this.db.query<UserRow & { brokerage_off: boolean }>(
      'SELECT u.*, b.switched_off_at IS NOT NULL AS brokerage_off FROM users u JOIN brokerages b ON b.id = u.brokerage_id WHERE u.email = $1',
      [email.trim().toLowerCase()],
    );
    const row = rows[0];
    return row
      ? {
          ...toUser(row),
          passwordHash: row.password_hash,
          totpEnabled: Boolean(row.totp_enabled),
          brokerageOff: Boolean(row.brokerage_off),
        }
      : null;
  }

  async get(brokerageId: string, id: string): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE brokerage_id = $1 AND id = $2', [brokerageId, id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * The users of live sessions, with the brokerage's name, in one statement (this runs for every
   * authenticated request and socket; checks that arrive together share it): the answers in the
   * keys' order, null where the session is revoked or expired, the user inactive, the brokerage switched off, or any id does not match.
   */
  async ofLiveSessions(
    keys: Array<{ brokerageId: string; userId: string; sessionId: string }>,
  ): Promise<Array<(User & { brokerageName: string; mustEnrolTotp: boolean }) | null>> {
    const { rows } = await this.db.query<UserCore & { brokerage_name: string; i: number; must_enrol_totp: boolean }>(
      `SELECT k.i::int AS i, u.id, u.brokerage_id, u.email, u.name, u.role, u.active, b.name AS brokerage_name,
              (NOT u.totp_enabled AND coalesce(b.settings->>'requireTwoFactor', 'false') = 'true') AS must_enrol_totp
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(sid, uid, bid, i)
         JOIN sessions s ON s.id = k.sid AND s.user_id = k.uid
         JOIN users u ON u.id = s.user_id AND u.brokerage_id = k.bid
         JOIN brokerages b ON b.id = u.brokerage_id
        WHERE s.revoked_at IS NULL AND s.expires_at > now() AND u.active AND b.switched_off_at IS NULL`,
      [keys.map((k) => k.sessionId), keys.map((k) => k.userId), keys.map((k) => k.brokerageId)],
    );
    const out: Array<(User & { brokerageName: string; mustEnrolTotp: boolean }) | null> = keys.map(() => null);
    for (const r of rows)
      out[Number(r.i) - 1] = { ...toUser(r), brokerageName: r.brokerage_name, mustEnrolTotp: Boolean(r.must_enrol_totp) };
    return out;
  }

  async list(brokerageId: string): Promise<User[]> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE brokerage_id = $1 ORDER BY name', [brokerageId]);
    return rows.map(toUser);
  }

  async create(input: {
    id: string;
    brokerageId: string;
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    profile?: object;
  }): Promise<User> {
    const { rows } = await this.db.query<UserRow>(
      `INSERT INTO users (id, brokerage_id, email, name, role, password_hash, profile)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        input.id,
        input.brokerageId,
        input.email.trim().toLowerCase(),
        input.name,
        input.role,
        input.passwordHash,
        JSON.stringify(input.profile ?? {}),
      ],
    );
    return toUser(rows[0]!);
  }

  /** Case-insensitive lookup of a person of this brokerage by email. */
  async findByEmail(brokerageId: string, email: string): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE brokerage_id = $1 AND email = $2', [
      brokerageId,
      email.trim().toLowerCase(),
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Whether any account (of any brokerage) uses this email (emails are unique across the service). */
  async emailTaken(email: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM users WHERE email = $1', [email.trim().toLowerCase()]);
    return rows.length > 0;
  }

  /** People of a brokerage with what the People page shows. */
  async listPeople(
    brokerageId: string,
  ): Promise<Array<User & { totpEnabled: boolean; createdAt: string; lastLoginAt: string | null; officeId: string | null }>> {
    const { rows } = await this.db.query<UserRow & { last_login_at: Date | string | null; office_id: string | null }>(
      'SELECT * FROM users WHERE brokerage_id = $1 ORDER BY active DESC, name',
      [brokerageId],
    );
    return rows.map((r) => ({
      ...toUser(r),
      totpEnabled: Boolean(r.totp_enabled),
      createdAt: new Date(r.created_at ?? 0).toISOString(),
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      officeId: r.office_id ?? null,
    }));
  }

  async setRole(brokerageId: string, id: string, role: Role): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('UPDATE users SET role = $3 WHERE brokerage_id = $1 AND id = $2 RETURNING *', [
      brokerageId,
      id,
      role,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async setActive(brokerageId: string, id: string, active: boolean): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('UPDATE users SET active = $3 WHERE brokerage_id = $1 AND id = $2 RETURNING *', [
      brokerageId,
      id,
      active,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async passwordHash(brokerageId: string, id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE brokerage_id = $1 AND id = $2', [
      brokerageId,
      id,
    ]);
    return rows[0]?.password_hash ?? null;
  }

  async setPassword(brokerageId: string, id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $3, password_changed_at = now() WHERE brokerage_id = $1 AND id = $2', [
      brokerageId,
      id,
      passwordHash,
    ]);
  }

  async countActiveAdmins(brokerageId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE brokerage_id = $1 AND role = 'admin' AND active",
      [brokerageId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  // ---- two-factor ----

  async totpState(
    brokerageId: string,
    id: string,
  ): Promise<{ enabled: boolean; secret: string | null; pending: string | null; lastStep: number | null } | null> {
    const { rows } = await this.db.query<{
      totp_enabled: boolean;
      totp_secret: string | null;
      totp_pending_secret: string | null;
      totp_last_step: number | null;
    }>('SELECT totp_enabled, totp_secret, totp_pending_secret, totp_last_step FROM users WHERE brokerage_id = $1 AND id = $2', [
      brokerageId,
      id,
    ]);
    const r = rows[0];
    return r
      ? {
          enabled: r.totp_enabled,
          secret: r.totp_secret,
          pending: r.totp_pending_secret,
          lastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
        }
      : null;
  }

  async setTotpPending(brokerageId: string, id: string, secret: string): Promise<void> {
    await this.db.query('UPDATE users SET totp_pending_secret = $3 WHERE brokerage_id = $1 AND id = $2', [brokerageId, id, secret]);
  }

  async enableTotp(brokerageId: string, id: string, secret: string, step: number): Promise<void> {
    await this.db.query(
      'UPDATE users SET totp_secret = $3, totp_pending_secret = NULL, totp_enabled = true, totp_last_step = $4 WHERE brokerage_id = $1 AND id = $2',
      [brokerageId, id, secret, step],
    );
  }

  async disableTotp(brokerageId: string, id: string): Promise<void> {
    await this.db.query(
      'UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled = false, totp_last_step = NULL WHERE brokerage_id = $1 AND id = $2',
      [brokerageId, id],
    );
    await this.db.query('DELETE FROM recovery_codes WHERE user_id = $1', [id]);
  }

  /** Records the TOTP time step just used; false when it (or a later one) was used already (no replay). */
  async claimTotpStep(brokerageId: string, id: string, step: number): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE users SET totp_last_step = $3 WHERE brokerage_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3) RETURNING id',
      [brokerageId, id, step],
    );
    return rows.length > 0;
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await this.db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    for (const h of hashes) await this.db.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, h]);
  }

  /** Uses up one recovery code; false when it is unknown or used. */
  async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id',
      [userId, hash],
    );
    return rows.length > 0;
  }

  /** The raw stored profile with the account's name and email (routes/profile.ts reads it into a Profile). */
  async profile(brokerageId: string, id: string): Promise<{ name: string; email: string; profile: unknown } | null> {
    const { rows } = await this.db.query<{ name: string; email: string; profile: unknown }>(
      'SELECT name, email, profile FROM users WHERE brokerage_id = $1 AND id = $2',
      [brokerageId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Licenses on active people's profiles (users.profile.licenses) that expire in [from, to] (YYYY-MM-DD),
   * soonest first. Dates compare as text: ISO dates sort as they read.
   */
  async expiringLicenses(brokerageId: string, from: string, to: string): Promise<ExpiringLicenseRow[]> {
    return this.licensesExpiring(brokerageId, from, to);
  }

  /** The same across every brokerage: only for the daily expiry check, a system job that has no caller's brokerage. */
  async expiringLicensesEverywhere(from: string, to: string): Promise<ExpiringLicenseRow[]> {
    return this.licensesExpiring(null, from, to);
  }

  private async licensesExpiring(brokerageId: string | null, from: string, to: string): Promise<ExpiringLicenseRow[]> {
    const { rows } = await this.db.query<{
      user_id: string;
      brokerage_id: string;
      name: string;
      state: string;
      number: string;
      expires_on: string;
    }>(
      `SELECT u.id AS user_id, u.brokerage_id, u.name, l->>'state' AS state, l->>'number' AS number, l->>'expiresOn' AS expires_on
         FROM users u
        CROSS JOIN LATERAL jsonb_array_elements(
              CASE WHEN jsonb_typeof(u.profile->'licenses') = 'array' THEN u.profile->'licenses' ELSE '[]'::jsonb END) AS l
        WHERE u.active
          AND ($1::text IS NULL OR u.brokerage_id = $1)
          AND jsonb_typeof(l) = 'object'
          AND l->>'expiresOn' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
          AND l->>'expiresOn' BETWEEN $2 AND $3
        ORDER BY l->>'expiresOn', u.name, l->>'state'`,
      [brokerageId, from, to],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      brokerageId: r.brokerage_id,
      name: r.name,
      state: r.state,
      number: r.number,
      expiresOn: r.expires_on,
    }));
  }

  /** Stores the profile (as JSON) and the display name; false when the person is not in this brokerage. */
  async saveProfile(brokerageId: string, id: string, profile: Record<string, unknown>, name: string): Promise<boolean> {
    const { rows } = await this.db.query('UPDATE users SET profile = $3, name = $4 WHERE brokerage_id = $1 AND id = $2 RETURNING id', [
      brokerageId,
      id,
      JSON.stringify(profile),
      name,
    ]);
    return rows.length > 0;
  }

  /** People one can @mention: everyone active in the brokerage, names and roles only. */
  async mentionable(brokerageId: string): Promise<Array<{ id: string; name: string; role: string }>> {
    const { rows } = await this.db.query<{ id: string; name: string; role: string }>(
      'SELECT id, name, role FROM users WHERE brokerage_id = $1 AND active ORDER BY name',
      [brokerageId],
    );
    return rows;
  }
}

/** One license on a person's profile with its expiry date (YYYY-MM-DD). */
export interface ExpiringLicenseRow {
  userId: string;
  brokerageId: string;
  name: string;
  state: string;
  number: string;
  expiresOn: string;
}
