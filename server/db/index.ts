import type { Config } from '../config.js';
import { createPgDb, createPgliteDb, type Db } from './adapter.js';
import { join } from 'node:path';

export type { Db, Queryable, QueryResult } from './adapter.js';
export { createPgDb, createPgliteDb } from './adapter.js';
export { migrate, loadMigrations } from './migrate.js';

/** PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Db> {
  if (config.DATABASE_URL) return createPgDb(config.DATABASE_URL);
  return createPgliteDb(join(config.DATA_DIR, 'pgdata'));
}
