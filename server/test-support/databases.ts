import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgDb, createPgliteDb, type Db } from '../db/index.js';

/** The PostgreSQL server tests use (the project machine runs one on the standard port). */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  kind: 'pg' | 'pglite';
  /** For PostgreSQL: a connection string to the fresh database (child processes use it). */
  url?: string;
  /** For PGlite on disk: its directory (child processes use it as DATA_DIR/pgdata). */
  dir?: string;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database of its own, dropped afterwards. */
export async function freshPostgres(): Promise<TestDatabase> {
  const name = `rb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const opened: Db[] = [];
  return {
    kind: 'pg',
    url: url.toString(),
    async open() {
      const db = createPgDb(url.toString(), 5);
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh PGlite database in a temp directory (reopenable, like a restart). */
export async function freshPglite(): Promise<TestDatabase> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'rb-pglite-'));
  return {
    kind: 'pglite',
    dir: dataDir,
    open: () => createPgliteDb(join(dataDir, 'pgdata')),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For tests below the HTTP API (store, rooms): a brokerage and an owner in a
 * migrated database, and a function that adds design rows owned by them.
 */
export async function designRows(db: Db, prefix: string): Promise<(designId: string) => Promise<void>> {
  await db.query(`INSERT INTO brokerages (id, name, brand_kit) VALUES ($1, $2, '{}')`, [`${prefix}-b`, prefix.toUpperCase()]);
  await db.query(`INSERT INTO users (id, brokerage_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, 'agent', 'x')`, [
    `${prefix}-u`,
    `${prefix}-b`,
    `${prefix}@x.test`,
    prefix.toUpperCase(),
  ]);
  return async (designId) => {
    await db.query(`INSERT INTO designs (id, brokerage_id, owner_id, title, kind) VALUES ($1, $2, $3, 't', 'flyer')`, [
      designId,
      `${prefix}-b`,
      `${prefix}-u`,
    ]);
  };
}
