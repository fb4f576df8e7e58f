import type { Db, Queryable } from '../db/index.js';

export interface RateLimitPolicy {
  windowSeconds: number;
  /** Failed log-ins per account (email) within the window. */
  perAccount: number;
  /** Failed log-ins per client address within the window. */
  perAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: RateLimitPolicy = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 30 };

/**
 * Log-in throttling by account and by address, counted in the database so every
 * instance sees the same numbers. A success clears the account's count.
 */
export class LoginRateLimiter {
  constructor(
    private readonly db: Queryable & Partial<Pick<Db, 'transaction'>>,
    private readonly policy: RateLimitPolicy = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Seconds until another attempt is allowed (0: allowed now). */
  async retryAfter(email: string, ip: string): Promise<number> {
    const { windowSeconds, perAccount, perAddress } = this.policy;
    const since = `now() - make_interval(secs => ${Number(windowSeconds)})`;
    // The oldest failure that still counts toward the limit; the limit lifts when it leaves the window.
    const { rows } = await this.db.query<{ wait_account: number | null; wait_address: number | null }>(
      `SELECT
         (SELECT ceil(extract(epoch FROM (min(at) + make_interval(secs => $3) - now())))::int FROM (
            SELECT at FROM login_attempts WHERE email = $1 AND NOT ok AND at > ${since}
              AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND ok), '-infinity')
            ORDER BY at DESC LIMIT $4) a HAVING count(*) >= $4) AS wait_account,
         (SELECT ceil(extract(epoch FROM (min(at) + make_interval(secs => $3) - now())))::int FROM (
            SELECT at FROM login_attempts WHERE ip = $2 AND NOT ok AND at > ${since} ORDER BY at DESC LIMIT $5) b HAVING count(*) >= $5) AS wait_address`,
      [email, ip, windowSeconds, perAccount, perAddress],
    );
    const r = rows[0];
    return Math.max(0, Number(r?.wait_account ?? 0), Number(r?.wait_address ?? 0));
  }

  /**
   * Counts an attempt before its password is checked: under a per-account and per-address
   * lock, either the limit says wait (seconds > 0) or a failed attempt is written at once
   * (`attemptId`), which a success later turns into `ok` (settle) or a non-attempt drops
   * (release). Concurrent attempts thus see each other: at most the limit get through.
   */
  async reserve(email: string, ip: string): Promise<{ wait: number } | { attemptId: string }> {
    const e = email.slice(0, 320);
    const a = ip.slice(0, 100);
    if (!this.db.transaction) throw new Error('reserve needs a database handle, not a transaction');
    return this.db.transaction(async (tx) => {
      // Two lock spaces (1: accounts, 2: addresses), always taken in this order: no deadlock.
      await tx.query('SELECT pg_advisory_xact_lock(1, hashtext($1)), pg_advisory_xact_lock(2, hashtext($2))', [e, a]);
      const wait = await new LoginRateLimiter(tx, this.policy).retryAfter(e, a);
      if (wait > 0) return { wait };
      const { rows } = await tx.query<{ id: string }>('INSERT INTO login_attempts (email, ip, ok) VALUES ($1, $2, false) RETURNING id', [
        e,
        a,
      ]);
      return { attemptId: String(rows[0]!.id) };
    });
  }

  /** The reserved attempt succeeded (clears the account's count, as a recorded success does). */
  async settle(attemptId: string): Promise<void> {
    await this.db.query('UPDATE login_attempts SET ok = true, at = now() WHERE id = $1', [attemptId]);
  }

  /** The reserved attempt was not a guess after all (a second factor is still to come). */
  async release(attemptId: string): Promise<void> {
    await this.db.query('DELETE FROM login_attempts WHERE id = $1', [attemptId]);
  }

  async record(email: string, ip: string, ok: boolean): Promise<void> {
    await this.db.query('INSERT INTO login_attempts (email, ip, ok) VALUES ($1, $2, $3)', [email.slice(0, 320), ip.slice(0, 100), ok]);
  }
}
