import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
// A person at a terminal reads log lines; a log collector (stdout not a TTY) gets JSON.
const logStream = process.stdout.isTTY
  ? (await import('pino-pretty')).default({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,instance' })
  : undefined;
const server = await buildApp(config, { logStream });
await server.app.listen({ host: config.HOST, port: config.PORT });
const address = server.app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;

const lines = [
  '',
  `  RealBrand is running at ${url}`,
  `  database: ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `${server.db.kind === 'pg' ? 'PostgreSQL' : 'PGlite'} under ${config.DATA_DIR}`}; fan-out: ${config.REDIS_URL ? 'Redis' : 'in-process'}`,
];
lines.push('', '  Demo log-ins (password: ' + config.DEMO_PASSWORD + '):');
for (const email of [
  'admin@demo.realbrand.test',
  'brand@demo.realbrand.test',
  'agent@demo.realbrand.test',
  'agent2@demo.realbrand.test',
  'agent@rival.realbrand.test',
]) {
  lines.push(`    ${email}`);
}
if (!config.SEED_DEMO) lines.splice(3);
if (server.setupToken) {
  // Printed here only: whoever reads the console sets the brokerage up.
  lines.push(
    '',
    '  First run: set up your brokerage and its first admin at (one-time link):',
    `    ${new URL(`/setup#${server.setupToken}`, url).toString()}`,
  );
}
console.log(lines.join('\n') + '\n');

let stopping = false;
// SIGHUP: the terminal that started us closed. Stopping cleanly also stops the embedded PostgreSQL
// (it would stop anyway, its watcher sees our end: server/db/embedded-postgres.ts).
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: flushing rooms');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
