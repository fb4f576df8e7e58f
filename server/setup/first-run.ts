import { randomBytes } from 'node:crypto';
import { sha256 } from '../auth/service.js';
import type { Queryable } from '../db/index.js';
import { BrokerageRepository } from '../repos/index.js';

const KEY = 'setup_token_hash';
/** A brokerage in use: any but a demo brokerage that is switched off (so a deployment that tried the demo can still run setup). */
const IN_USE = 'NOT (demo AND switched_off_at IS NOT NULL)';
export { SETUP_TOKEN } from '../../shared/api/setup.js';

/**
 * On a database without a brokerage in use (none, or only switched-off demo brokerages): a fresh one-time setup token, whose hash is
 * stored; the caller prints the link to the console (and nowhere else). Each start makes a new one
 * (the previous link stops working). Null once a brokerage exists.
 */
export async function prepareFirstRun(db: Queryable): Promise<string | null> {
  if ((await new BrokerageRepository(db).countInUse()) > 0) {
    await db.query('DELETE FROM app_settings WHERE key = $1', [KEY]);
    return null;
  }
  const token = `setup1.${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [
    KEY,
    sha256(token),
  ]);
  return token;
}

/** The lock the demo seed takes too: one first brokerage, however many instances start (inside the caller's transaction). */
export async function lockFirstRun(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(724311904)');
}

/** Whether setup is still open (no brokerage in use yet, a token was issued). */
export async function setupOpen(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ open: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM app_settings WHERE key = $1) AND NOT EXISTS (SELECT 1 FROM brokerages WHERE ${IN_USE}) AS open`,
    [KEY],
  );
  return Boolean(rows[0]?.open);
}

/** Uses the token up (inside the setup's transaction): true when it was the current one and setup was still open. */
export async function claimSetupToken(tx: Queryable, token: string): Promise<boolean> {
  const { rows } = await tx.query(
    `DELETE FROM app_settings WHERE key = $1 AND value = $2 AND NOT EXISTS (SELECT 1 FROM brokerages WHERE ${IN_USE}) RETURNING key`,
    [KEY, sha256(token)],
  );
  return rows.length > 0;
}

/** The setup token matches (without using it up). */
export async function setupTokenValid(db: Queryable, token: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM app_settings WHERE key = $1 AND value = $2 AND NOT EXISTS (SELECT 1 FROM brokerages WHERE ${IN_USE})`,
    [KEY, sha256(token)],
  );
  return rows.length > 0;
}
