import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../paths.js';
import { PG_TEST_USER } from '../test-support/postgres-cluster.js';
import { spawnTracked, type Spawned } from '../test-support/processes.js';
import { waitFor } from '../test-support/server.js';

/** The load balancer's configuration, kept in the repository (compose.yaml uses the same file). */
export const NGINX_TEMPLATE = projectPath('deploy', 'nginx', 'realbrand.conf.template');

/** Fills `${RB_...}` placeholders (nginx's own `$variables` stay); an unknown placeholder is an error. */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{(RB_[A-Z_]+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for ${name} in the nginx template`);
    return value;
  });
}

export const upstreamServers = (ports: number[]) => ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    ');

export interface Nginx {
  port: number;
  url: string;
  wsUrl: string;
  /** Rewrites the upstreams and reloads (SIGHUP): new workers take the new configuration, open sockets stay. */
  reload(instancePorts: number[]): Promise<void>;
  /** nginx's error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Debian's nginx in the foreground with the repository's template, its own prefix directory and port. */
export async function startNginx(port: number, instancePorts: number[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'rb-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const template = readFileSync(NGINX_TEMPLATE, 'utf8');
  const site = join(dir, 'realbrand.conf');
  const writeSite = (ports: number[]) =>
    writeFileSync(site, renderTemplate(template, { RB_LISTEN: `127.0.0.1:${port}`, RB_UPSTREAM_SERVERS: upstreamServers(ports) }));
  writeSite(instancePorts);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      'worker_rlimit_nofile 8192;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log notice;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${dir}/${d};`),
      `  include ${site};`,
      '}',
      '',
    ].join('\n'),
  );
  // nginx needs no root for a high port: as root, run it as the tests' unprivileged user.
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', PG_TEST_USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', PG_TEST_USER]).toString().trim());
    for (const p of [dir, ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => join(dir, d))]) chownSync(p, uid, gid);
  }
  const nginx = [
    ...(asRoot ? ['runuser', '-u', PG_TEST_USER, '--'] : []),
    'nginx',
    '-p',
    dir,
    '-e',
    join(dir, 'error.log'),
    '-c',
    conf,
    '-g',
    'daemon off;',
  ];
  execFileSync(nginx[0]!, [...nginx.slice(1, -2), '-t'], { stdio: 'pipe' }); // a bad template fails here, with nginx's message
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  // Foreground nginx; a watcher stops it (QUIT) when our stdin closes (this process ended).
  const proc: Spawned = spawnTracked(
    'sh',
    [
      '-c',
      `exec 3<&0; ( cat <&3 >/dev/null; kill -QUIT $(cat ${quote(dir)}/nginx.pid) 2>/dev/null ) & w=$!; ${nginx.map(quote).join(' ')} </dev/null; kill $w 2>/dev/null`,
    ],
    { ...process.env },
    (c) => c.stdin!.end(),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (!proc.running) throw new Error(`nginx exited:\n${proc.output()}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    15_000,
    'nginx start-up',
  );
  const masterPid = () => Number(readFileSync(join(dir, 'nginx.pid'), 'utf8').trim());
  return {
    port,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    async reload(ports) {
      writeSite(ports);
      execFileSync(nginx[0]!, [...nginx.slice(1, -2), '-t'], { stdio: 'pipe' });
      const log = join(dir, 'error.log');
      const retired = () => (readFileSync(log, 'utf8').match(/gracefully shutting down/g) ?? []).length;
      const before = retired();
      process.kill(masterPid(), 'SIGHUP');
      // New connections reach the new configuration once the old worker stops accepting
      // (it keeps serving its open sockets until they close).
      await waitFor(() => retired() > before, 10_000, 'nginx reload');
    },
    errors: () => readFileSync(join(dir, 'error.log'), 'utf8'),
    async stop() {
      if (proc.running) {
        proc.terminate();
        await proc.exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
