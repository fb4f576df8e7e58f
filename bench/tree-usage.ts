/**
 * CPU and memory of a process tree (our server and the embedded PostgreSQL it starts), read from /proc.
 *
 * Two things a plain sum over the live processes gets wrong, and how this module counts them:
 *
 * - **CPU of processes that exit.** PostgreSQL starts and ends backends and workers all the time; a
 *   sum of live processes' utime + stime drops when one exits, and a window can come out negative.
 *   When a child exits and its parent reaps it, the kernel adds the child's own and its reaped
 *   children's times to the parent's cutime/cstime. So utime + stime + cutime + cstime summed over
 *   the live tree grows monotonically: an exited process's CPU moves to its parent and stays counted.
 * - **Shared memory.** RSS counts every page a process maps, so PostgreSQL's shared buffers are
 *   counted once per backend. PSS (proportional set size, /proc/<pid>/smaps_rollup) divides each
 *   shared page among the processes that map it; its sum over the tree is the tree's memory.
 *
 * The parsers are pure (tested in tree-usage.test.ts); the readers around them touch /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks

export interface StatTimes {
  /** Ticks the process itself ran in user mode / in the kernel. */
  utime: number;
  stime: number;
  /** Ticks of its exited and reaped descendants, user / kernel. */
  cutime: number;
  cstime: number;
}

/** utime, stime, cutime, cstime (fields 14–17) of a /proc/<pid>/stat line; the command may contain spaces and parentheses. */
export function parseStatTimes(stat: string): StatTimes {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const field = (n: number) => {
    const v = Number(rest[n - 3]);
    if (!Number.isFinite(v)) throw new Error(`malformed /proc stat: ${stat.slice(0, 80)}`);
    return v;
  };
  return { utime: field(14), stime: field(15), cutime: field(16), cstime: field(17) };
}

/** A process's CPU seconds including those of its exited descendants. */
export function cumulativeCpuSeconds(t: StatTimes): number {
  return (t.utime + t.stime + t.cutime + t.cstime) / CLK_TCK;
}

/** Of which in the kernel. */
export function cumulativeSystemSeconds(t: StatTimes): number {
  return (t.stime + t.cstime) / CLK_TCK;
}

/** Bytes of a `Key:   123 kB` line of /proc/<pid>/smaps_rollup or /proc/<pid>/status; 0 when absent. */
export function kbField(text: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : 0;
}

export interface TreeUsage {
  /** CPU seconds of the live tree, each process with its reaped descendants (monotonic while the root lives). */
  cpuSeconds: number;
  systemSeconds: number;
  /** Sum of PSS over the live tree. */
  pssBytes: number;
  /** Sum of RSS (for comparison: counts shared pages once per process). */
  rssBytes: number;
  processes: number;
}

/** Adds up per-process readings (null: the process vanished between listing and reading). */
export function sumUsage(readings: Array<{ times: StatTimes; pssBytes: number; rssBytes: number } | null>): TreeUsage {
  const out: TreeUsage = { cpuSeconds: 0, systemSeconds: 0, pssBytes: 0, rssBytes: 0, processes: 0 };
  for (const r of readings) {
    if (!r) continue;
    out.cpuSeconds += cumulativeCpuSeconds(r.times);
    out.systemSeconds += cumulativeSystemSeconds(r.times);
    out.pssBytes += r.pssBytes;
    out.rssBytes += r.rssBytes;
    out.processes++;
  }
  return out;
}

/** A process and its live descendants. */
export function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (kids) for (const k of kids.split(' ')) out.push(...processTree(Number(k)));
    }
  } catch {
    // gone
  }
  return out;
}

function readProcess(pid: number): { times: StatTimes; pssBytes: number; rssBytes: number } | null {
  try {
    const times = parseStatTimes(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return { times, pssBytes: kbField(rollup, 'Pss'), rssBytes: kbField(rollup, 'Rss') };
  } catch {
    return null; // exited meanwhile (its CPU is in its parent's cutime once reaped)
  }
}

/** The tree's usage now. */
export function treeUsage(pid: number): TreeUsage {
  return sumUsage(processTree(pid).map(readProcess));
}

/**
 * Samples the tree every `intervalMs` and keeps the peak PSS; `resetPeak()` starts a new peak
 * (a workload's own), `peak()` reads it (including a fresh sample), `stop()` ends sampling.
 */
export function treeSampler(pid: number, intervalMs = 100) {
  let lifePeak = 0;
  let windowPeak = 0;
  const sample = () => {
    const u = treeUsage(pid);
    if (u.processes === 0) return;
    lifePeak = Math.max(lifePeak, u.pssBytes);
    windowPeak = Math.max(windowPeak, u.pssBytes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    resetPeak(): void {
      windowPeak = 0;
      sample();
    },
    peak(): number {
      sample();
      return windowPeak;
    },
    lifePeak(): number {
      sample();
      return lifePeak;
    },
    stop(): number {
      clearInterval(timer);
      return lifePeak;
    },
  };
}
