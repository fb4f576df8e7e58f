// Hocuspocus 3 with its SQLite extension (persisting to a file): the persisting peer of the plain bench.
// Usage: PORT=... SQLITE_FILE=... node hocuspocus.mjs
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.SQLITE_FILE })],
});
await server.listen();
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
console.log('running at', process.env.PORT);
