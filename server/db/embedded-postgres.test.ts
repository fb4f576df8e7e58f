import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase, createPgliteDb, migrate } from './index.js';
import { clusterDir, runningPostmaster } from './embedded-postgres.js';
import { spawnTracked, stopAllProcesses, type Spawned } from '../test-support/processes.js';
import { waitFor } from '../test-support/server.js';

// Under the worktree (not /tmp): as root, PostgreSQL runs as another user, who must reach DATA_DIR.
mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const root = mkdtempSync(join(process.cwd(), '.tmp', 'embedded-pg-'));
chmodSync(root, 0o755); // mkdtemp makes it 0700
afterAll(async () => {
  await stopAllProcesses();
  // Nothing may be left running in our data directories.
  for (const dir of ['a', 'b', 'c', 'd']) {
    const pm = runningPostmaster(clusterDir(join(root, dir)));
    if (pm) process.kill(pm.pid, 'SIGQUIT');
  }
  rmSync(root, { recursive: true, force: true });
}, 60_000);

const messages: string[] = [];
const log = { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) };
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A separate process holding DATA_DIR's database, like a server (tsx, so it runs our sources). */
async function holder(dataDir: string): Promise<Spawned> {
  const p = spawnTracked(process.execPath, ['--import', 'tsx', 'server/test-support/embedded-db-holder.ts'], {
    ...process.env,
    DATA_DIR: dataDir,
  });
  await waitFor(() => p.output().includes('ready') || !p.running, 90_000, 'the holder to open its database');
  expect(p.output()).toContain('ready');
  return p;
}

describe('embedded PostgreSQL (the npm start default)', () => {
  it('creates a cluster on first start, reopens it, and stops its postmaster on close', async () => {
    const dataDir = join(root, 'a');
    const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: undefined }, log);
    expect(db.kind).toBe('pg');
    await migrate(db);
    await db.query(`INSERT INTO brokerages (id, name, brand_kit) VALUES ('b1', 'B', '{}')`);
    const pm = runningPostmaster(clusterDir(dataDir))!;
    expect(pm).not.toBeNull();
    // A Unix socket only: no TCP port.
    expect(
      readFileSync(join(clusterDir(dataDir), 'postmaster.pid'), 'utf8')
        .split('\n')[5]
        ?.trim(),
    ).toBe('');
    await db.close();
    expect(alive(pm.pid)).toBe(false);

    const again = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: undefined }, log);
    expect((await again.query<{ name: string }>('SELECT name FROM brokerages')).rows).toEqual([{ name: 'B' }]);
    await again.close();
  }, 120_000);

  it('stops its postmaster when the server is killed outright (SIGKILL)', async () => {
    const dataDir = join(root, 'b');
    const p = await holder(dataDir);
    const pm = runningPostmaster(clusterDir(dataDir))!;
    expect(pm).not.toBeNull();
    process.kill(p.pid, 'SIGKILL');
    await waitFor(() => !alive(pm.pid), 30_000, 'the orphaned postmaster to stop');
  }, 120_000);

  it('stops a postmaster left behind by a server that is gone, and joins one whose server still runs', async () => {
    const dataDir = join(root, 'c');
    const first = await holder(dataDir);
    const pm = runningPostmaster(clusterDir(dataDir))!;
    // Joined: the holder's server still runs (e.g. the admin CLI beside npm start).
    const joined = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: undefined }, log);
    await joined.query('SELECT 1');
    await joined.close();
    expect(alive(pm.pid)).toBe(true);
    expect(messages.some((m) => m.includes(`server with pid ${first.pid}`))).toBe(true);

    // Left behind: the server and the watcher that would stop postgres both die at once (kill -9).
    const watcher = Number(readFileSync(`/proc/${pm.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    process.kill(watcher, 'SIGKILL');
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    expect(alive(pm.pid)).toBe(true);
    const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: undefined }, log);
    expect(messages.some((m) => m.includes(`stopping a PostgreSQL (pid ${pm.pid}) left running`))).toBe(true);
    expect(alive(pm.pid)).toBe(false);
    await db.query('SELECT 1');
    await db.close();
  }, 180_000);

  it('keeps using a PGlite database that DATA_DIR already holds, and says how to move', async () => {
    const dataDir = join(root, 'd');
    const old = await createPgliteDb(join(dataDir, 'pgdata'));
    await migrate(old);
    await old.query(`INSERT INTO brokerages (id, name, brand_kit) VALUES ('p1', 'From PGlite', '{}')`);
    await old.close();
    messages.length = 0;
    const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: undefined }, log);
    expect(db.kind).toBe('pglite');
    expect((await db.query<{ name: string }>('SELECT name FROM brokerages')).rows).toEqual([{ name: 'From PGlite' }]);
    await db.close();
    expect(messages.join('\n')).toMatch(/PGlite database from an earlier version.*EMBEDDED_DB=postgres/);
  }, 180_000);

  it.runIf(process.getuid?.() === 0)(
    'as root, refuses EMBEDDED_DB=postgres in a DATA_DIR its user cannot reach (and falls back to PGlite unasked)',
    async () => {
      const hidden = mkdtempSync(join(tmpdir(), 'rb-hidden-'));
      chmodSync(hidden, 0o700);
      const dataDir = join(hidden, 'data');
      mkdirSync(dataDir);
      try {
        await expect(openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined, EMBEDDED_DB: 'postgres' }, log)).rejects.toThrow(
          /cannot reach/,
        );
      } finally {
        rmSync(hidden, { recursive: true, force: true });
      }
    },
  );
});
