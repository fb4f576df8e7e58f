/**
 * A process that holds the embedded database of DATA_DIR open, as a server would, for the tests of
 * server/db/embedded-postgres.ts: prints one line `ready` once open, closes it on SIGTERM.
 */
import { openDatabase } from '../db/index.js';

const db = await openDatabase(
  { DATA_DIR: process.env.DATA_DIR!, DATABASE_URL: undefined, EMBEDDED_DB: 'postgres' },
  { info: () => undefined, warn: () => undefined },
);
await db.query('SELECT 1');
process.on('SIGTERM', () => void db.close().then(() => process.exit(0)));
console.log('ready');
setInterval(() => undefined, 60_000);
