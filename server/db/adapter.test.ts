import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { emit } from '../events/index.js';
import { freshPglite, freshPostgres, TEST_PG_ADMIN_URL, type TestDatabase } from '../test-support/databases.js';
import { waitFor } from '../test-support/server.js';
import { migrate, type Db } from './index.js';

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

async function open(kind: 'pg' | 'pglite'): Promise<Db> {
  const d = kind === 'pg' ? await freshPostgres() : await freshPglite();
  databases.push(d);
  const db = await d.open();
  await migrate(db);
  return db;
}

describe.each(['pg', 'pglite'] as const)('Db.listen (%s)', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await open(kind);
  });
  afterAll(() => db.close());

  it('hears a NOTIFY only once its transaction commits, and no more after unlisten', async () => {
    let heard = 0;
    const stop = await db.listen('rb_test_channel', () => heard++);
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_notify('rb_test_channel', '')");
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toBe(0);
    });
    await waitFor(() => heard === 1, 5_000, 'the notification');
    await stop();
    await db.query("SELECT pg_notify('rb_test_channel', '')");
    await db.query('SELECT 1');
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBe(1);
  });

  it('new outbox events notify rb_events on commit; a rolled-back one does not', async () => {
    let heard = 0;
    const stop = await db.listen('rb_events', () => heard++);
    const event = { brokerageId: 'b1', payload: { designId: 'd1', kind: 'flyer', ownerId: 'u1', templateId: null, title: 't' } } as const;
    await db.transaction((tx) => emit(tx, 'design.created', event)).then(() => undefined);
    await waitFor(() => heard === 1, 5_000, 'rb_events');
    await db
      .transaction(async (tx) => {
        await emit(tx, 'design.created', event);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await db.query('SELECT 1');
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBe(1);
    await stop();
  });
});

describe('Db.listen on PostgreSQL', () => {
  it('comes back after its connection is killed, calls the listener once to catch up, and hears later notifications', async () => {
    const db = await open('pg');
    let heard = 0;
    await db.listen('rb_test_channel', () => heard++);
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE query = 'LISTEN rb_test_channel' AND pid <> pg_backend_pid()",
      );
      expect(rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
    }
    await waitFor(() => heard === 1, 10_000, 'the catch-up call after reconnecting');
    await db.query("SELECT pg_notify('rb_test_channel', '')");
    await waitFor(() => heard === 2, 5_000, 'a notification after reconnecting');
    await db.close();
  });
});

describe('PGlite data directory', () => {
  it('is created on first open (initdb runs in a child process) and kept by later opens', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const tdb = await freshPglite();
    try {
      const dir = join(tdb.dir!, 'pgdata');
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
      const first = await tdb.open();
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      await first.query('CREATE TABLE kept (v text)');
      await first.query("INSERT INTO kept VALUES ('still here')");
      await first.close();
      const second = await tdb.open();
      expect((await second.query<{ v: string }>('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
      await second.close();
    } finally {
      await tdb.drop();
    }
  }, 120_000); // initdb, slow on a busy machine
});

describe('PGlite in its own process', () => {
  it('runs statements off the event loop, keeps bytes, bigints, errors and rollbacks as PostgreSQL does', async () => {
    const db = await open('pglite');
    try {
      // While a statement runs in PGlite's process, this one's timers keep firing.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = performance.now();
      await db.query('SELECT pg_sleep(0.4)');
      clearInterval(timer);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      expect(ticks).toBeGreaterThanOrEqual(15);

      await db.query('CREATE TABLE t (id int PRIMARY KEY, big bigint, data bytea)');
      await db.query('INSERT INTO t VALUES (1, $1, $2)', [2 ** 40, new Uint8Array([0, 255, 7])]);
      const { rows } = await db.query<{ big: number; data: Uint8Array }>('SELECT big, data FROM t');
      expect(rows[0]!.big).toBe(2 ** 40);
      expect([...rows[0]!.data]).toEqual([0, 255, 7]);

      const dup = await db.query('INSERT INTO t VALUES (1, 0, NULL)').catch((err: unknown) => err);
      expect(dup).toBeInstanceOf(Error);
      expect((dup as { code?: string }).code).toBe('23505');

      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (2, 0, NULL)');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const value = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (3, 0, NULL)');
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]!.n;
      });
      expect(value).toBe(2);
      expect((await db.query<{ id: number }>('SELECT id FROM t ORDER BY id')).rows.map((r) => r.id)).toEqual([1, 3]);
    } finally {
      await db.close();
    }
  }, 120_000); // a fresh data directory's initdb, slow on a busy machine
});

describe.each(['pg', 'pglite'] as const)('migrate (%s)', (kind) => {
  it('runs each migration file whole: plpgsql over several lines, semicolons inside literals and bodies', async () => {
    const d = kind === 'pg' ? await freshPostgres() : await freshPglite();
    databases.push(d);
    const db = await d.open();
    try {
      const applied = await migrate(db, [
        {
          version: 1,
          name: '001_script.sql',
          sql: `-- a comment; with a semicolon
CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO notes VALUES (1, 'one;
two');
CREATE FUNCTION note_count() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  n int;
BEGIN
  SELECT count(*) INTO n FROM notes;
  RETURN n;
END
$$;
`,
        },
        { version: 2, name: '002_more.sql', sql: `INSERT INTO notes VALUES (2, 'x'); INSERT INTO notes VALUES (3, 'y')` },
      ]);
      expect(applied).toEqual([1, 2]);
      expect((await db.query<{ n: number }>('SELECT note_count() AS n')).rows[0]!.n).toBe(3);
      expect((await db.query<{ body: string }>('SELECT body FROM notes WHERE id = 1')).rows[0]!.body).toBe('one;\ntwo');
      // Applied once: a second run does nothing.
      expect(await migrate(db, [{ version: 2, name: '002_more.sql', sql: 'SELECT 1/0' }])).toEqual([]);
      // A failing file rolls the whole run back.
      await expect(migrate(db, [{ version: 3, name: '003_bad.sql', sql: 'CREATE TABLE t3 (a int); SELECT 1/0;' }])).rejects.toThrow(
        /division by zero/,
      );
      expect((await db.query(`SELECT to_regclass('t3') AS t`)).rows[0]).toEqual({ t: null });
    } finally {
      await db.close();
    }
  }, 120_000);
});
