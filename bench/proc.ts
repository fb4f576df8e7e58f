/**
 * The server under test as a separate child process, and what /proc says about it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { SERVER_ENTRY, startCommand } from '../server/start-command.js';

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks

export interface ProcStats {
  /** utime + stime, seconds. */
  cpuSeconds: number;
  /** Of which in the kernel (system calls: socket writes and reads). */
  systemSeconds: number;
  rssBytes: number;
  /** Peak RSS so far. */
  hwmBytes: number;
}

export function procStats(pid: number): ProcStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is field 3, utime 14, stime 15 (1-based).
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { cpuSeconds: (utime + stime) / CLK_TCK, systemSeconds: stime / CLK_TCK, rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM') };
}

/**
 * Resets the process's peak RSS (VmHWM) to its current RSS, so a later reading is the
 * peak of what ran in between rather than of the process's whole life (Linux ≥ 4.0).
 */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(name));
      kids.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  return kids;
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/**
 * The process that does the work is the deepest descendant of the spawned one
 * whose command line names the entry point (wrappers such as npm or tsx, when
 * present, sit above it).
 */
function findServerPid(root: number, entry: string): number | null {
  const kids = childrenOf();
  let best: { pid: number; depth: number } | null = null;
  const walk = (pid: number, depth: number) => {
    if (cmdline(pid).includes(entry) && (!best || depth > best.depth)) best = { pid, depth };
    for (const k of kids.get(pid) ?? []) walk(k, depth + 1);
  };
  walk(root, 0);
  return (best as { pid: number } | null)?.pid ?? null;
}

export interface ServerChild {
  url: string;
  wsUrl: string;
  /** The node process that runs the server (not npm's or tsx's wrapper). */
  pid: number;
  child: ChildProcess;
  /** warn/error lines the server logged (LOG_LEVEL=warn). */
  logLines: string[];
  stop(): Promise<number | null>;
}

let built = false;
/** Compiles the server once per benchmark process, as `npm start` does (server/build.ts). */
export function buildServer(): void {
  if (built) return;
  execFileSync('npx', ['tsx', 'server/build.ts'], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

/**
 * Starts the server as `npm start` runs it: `[its settings] node [its flags] [nodeArgs] server/dist/main.mjs`
 * (compiled first; settings and flags are read from the checkout's package.json; nodeArgs e.g. --cpu-prof).
 */
/**
 * The benches' load comes from one or two demo accounts (hundreds of sockets and designs for one
 * person), so the per-person limits (docs/SECURITY.md) are lifted: they measure the server, not its limits.
 */
const BENCH_PERSON_LIMITS = { MAX_SOCKETS_PER_USER: '100000', MAX_ROOMS_PER_USER: '100000', MAX_DESIGNS_PER_MINUTE: '100000' };

export async function startServer(
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; cwd?: string; startTimeoutMs?: number; entry?: string } = {},
): Promise<ServerChild> {
  // A/B of builds: BENCH_SERVER_ENTRY (or `entry`) runs one built beforehand (`npx tsx server/build.ts <dir>`) as is;
  // `cwd` runs another checkout's server as already built there.
  const prebuilt = opts.entry ?? (!opts.cwd ? process.env.BENCH_SERVER_ENTRY : undefined);
  const entry = prebuilt || SERVER_ENTRY;
  if (!prebuilt && !opts.cwd) buildServer();
  const start = startCommand(opts.cwd);
  const [cmd, args] = [process.execPath, [...start.nodeFlags, ...(opts.nodeArgs ?? []), entry]];
  const child = spawn(cmd, args, {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, ...start.env, ...BENCH_PERSON_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() reaches the server and anything it started
  });
  const logLines: string[] = [];
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs / 1000} s; output:\n${out.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      const m = /RealBrand is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
      for (const line of text.split('\n')) if (line.startsWith('{')) logLines.push(line);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
      for (const line of c.toString().split('\n')) if (line.trim()) logLines.push(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready; output:\n${out.slice(-2000)}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  let pid: number | null = null;
  for (let i = 0; i < 50 && !pid; i++) {
    pid = findServerPid(child.pid!, entry);
    if (!pid) await new Promise((r) => setTimeout(r, 50));
  }
  if (!pid || !existsSync(`/proc/${pid}`)) throw new Error('could not find the server process');
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    pid,
    child,
    logLines,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return child.exitCode;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * The stock y-websocket server (`@y/websocket-server`, in memory, no auth, no
 * persistence) as a child process: the in-memory reference, measured by the
 * same load in the same run. Null when the package is not installed.
 */
export async function startStockServer(opts: { nodeArgs?: string[] } = {}): Promise<ServerChild | null> {
  let entry: string;
  try {
    entry = join(dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')), 'src', 'server.js');
  } catch {
    return null;
  }
  const port = await freePort();
  // With node flags (profiling), exit cleanly on SIGTERM so --cpu-prof writes its file; the stock server would just die.
  const exitOnTerm = opts.nodeArgs?.length ? ['--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))'] : [];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...exitOnTerm, entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('stock y-websocket server did not start in 20 s')), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes('running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (c: Buffer) => logLines.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stock y-websocket server exited with ${code}: ${logLines.join('')}`));
    });
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    logLines,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      return 0;
    },
  };
}
