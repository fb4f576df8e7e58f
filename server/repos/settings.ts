import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';

/** The token signing secret: from the environment, else made once and shared through the database. */
export async function tokenSecret(db: Queryable, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db.query('INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    'token_secret',
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM app_settings WHERE key = $1', ['token_secret']);
  return rows[0]!.value;
}
