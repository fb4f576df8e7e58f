// PGlite in a child process of its own: the WASM Postgres runs here, so a statement never blocks the
// server's event loop (the one that relays edits). The server talks to it by IPC messages (adapter.ts,
// createPgliteDb). Plain JavaScript so that it runs as is from the sources (tsx, tests) and beside
// the compiled bundle. (A worker thread was tried first: PGlite's Emscripten runtime there ended the
// whole process's stdin, which kills a server whose parent watches that pipe.)
//
// In:  { id, op: 'query', sql, params, tx? } | { id, op: 'exec', sql, tx? } (several statements, no parameters) | { id, op: 'begin', tx } | { id, op: 'commit' | 'rollback', tx }
//      { id, op: 'listen' | 'unlisten', channel } | { id, op: 'close' }
// Out: { id, rows } | { id, error: { message, code, detail, constraint, ... } } | { notify: channel }
import { PGlite } from '@electric-sql/pglite';

const parentPort = { postMessage: (m) => process.send(m) };
// The server went away (crash, kill -9): so do we.
process.on('disconnect', () => process.exit(0));
// Ctrl-C or a SIGTERM to the server's process group reaches us too: the server stops first (it
// flushes its rooms through us) and then closes us; it dying closes the IPC channel (above).
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
const dataDir = process.env.RB_PGLITE_DIR || undefined;

// bigint as number (our sequence numbers fit in a double), as for pg.
const options = { parsers: { 20: (v) => Number(v) } };
// Shared buffers of 16 MB instead of 128: the WASM memory PGlite holds from the start is ~115 MiB
// smaller (docs/decisions/2026-12-07-embedded-database.md); a design's rows are small and the OS caches files.
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
const db = await PGlite.create(dataDir, { startParams });

/** Open transactions: PGlite's own transaction callback waits on `end` (commit resolves it, rollback rejects it). */
const transactions = new Map();
const stopListening = new Map();

const reply = (id, body) => parentPort.postMessage({ id, ...body });
function errorOf(err) {
  const out = { message: err instanceof Error ? err.message : String(err) };
  if (err && typeof err === 'object') {
    for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity']) {
      if (typeof err[key] === 'string') out[key] = err[key];
    }
  }
  return out;
}

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const on = m.tx === undefined ? db : transactions.get(m.tx)?.tx;
      if (!on) throw new Error('no such transaction');
      return (await on.query(m.sql, m.params, options)).rows;
    }
    case 'exec': {
      const on = m.tx === undefined ? db : transactions.get(m.tx)?.tx;
      if (!on) throw new Error('no such transaction');
      await on.exec(m.sql);
      return null;
    }
    case 'begin': {
      let opened;
      const ready = new Promise((resolve) => (opened = resolve));
      const record = { tx: null, commit: null, rollback: null, done: null };
      record.done = db.transaction(
        (tx) =>
          new Promise((resolve, reject) => {
            record.tx = tx;
            record.commit = resolve;
            record.rollback = reject;
            opened();
          }),
      );
      // A failed BEGIN rejects `done` before the callback ran.
      await Promise.race([ready, record.done]);
      transactions.set(m.tx, record);
      return null;
    }
    case 'commit':
    case 'rollback': {
      const record = transactions.get(m.tx);
      if (!record) throw new Error('no such transaction');
      transactions.delete(m.tx);
      if (m.op === 'commit') {
        record.commit();
        await record.done;
      } else {
        record.rollback(new Error('rolled back'));
        await record.done.catch(() => undefined);
      }
      return null;
    }
    case 'listen': {
      if (!stopListening.has(m.channel))
        stopListening.set(m.channel, await db.listen(m.channel, () => parentPort.postMessage({ notify: m.channel })));
      return null;
    }
    case 'unlisten': {
      const stop = stopListening.get(m.channel);
      stopListening.delete(m.channel);
      await stop?.();
      return null;
    }
    case 'close': {
      await db.close();
      setImmediate(() => process.exit(0));
      return null;
    }
    default:
      throw new Error(`unknown op ${m.op}`);
  }
}

process.on('message', (m) => {
  handle(m).then(
    (rows) => reply(m.id, { rows }),
    (err) => reply(m.id, { error: errorOf(err) }),
  );
});
parentPort.postMessage({ ready: true });
