import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cumulativeCpuSeconds, kbField, parseStatTimes, sumUsage, treeUsage } from './tree-usage.js';

// A /proc/<pid>/stat line whose command has a space and a parenthesis in it: fields 14–17 are 250 30 700 90.
const STAT =
  '4242 (postgres: w) x) S 4200 4200 4200 0 -1 4194560 1234 0 0 0 250 30 700 90 20 0 1 0 998877 221114368 3000 18446744073709551615 0 0 0 0 0 0 0 16781312 134235719 0 0 0 17 1 0 0 0 0 0';

const ROLLUP = `55d4a0a00000-7ffc4b9fe000 ---p 00000000 00:00 0                          [rollup]
Rss:              143360 kB
Pss:               20480 kB
Pss_Dirty:          1024 kB
Shared_Clean:     100000 kB
`;

describe('parseStatTimes', () => {
  it('reads utime, stime, cutime and cstime after the last parenthesis of the command', () => {
    expect(parseStatTimes(STAT)).toEqual({ utime: 250, stime: 30, cutime: 700, cstime: 90 });
  });

  it('counts the reaped children’s CPU with the process’s own', () => {
    expect(cumulativeCpuSeconds(parseStatTimes(STAT))).toBeCloseTo(10.7, 9);
  });

  it('refuses a line it cannot read instead of counting NaN', () => {
    expect(() => parseStatTimes('42 (node) S 1')).toThrow(/malformed/);
  });
});

describe('kbField', () => {
  it('reads PSS and RSS from smaps_rollup in bytes, and is 0 for a missing key', () => {
    expect(kbField(ROLLUP, 'Pss')).toBe(20480 * 1024);
    expect(kbField(ROLLUP, 'Rss')).toBe(143360 * 1024);
    expect(kbField(ROLLUP, 'Swap')).toBe(0);
  });
});

describe('sumUsage', () => {
  it('keeps the tree’s CPU when a child exits and its parent reaps it (the old sampler went negative)', () => {
    const parent = { utime: 100, stime: 20, cutime: 0, cstime: 0 };
    const child = { utime: 300, stime: 50, cutime: 0, cstime: 0 };
    const before = sumUsage([
      { times: parent, pssBytes: 1000, rssBytes: 5000 },
      { times: child, pssBytes: 500, rssBytes: 4500 },
    ]);
    // The child ran 10 more ticks, exited, and the parent (which ran 5 more) reaped it; a reading
    // of a process that vanished meanwhile is null.
    const after = sumUsage([{ times: { utime: 105, stime: 20, cutime: 310, cstime: 50 }, pssBytes: 1000, rssBytes: 5000 }, null]);
    expect(after.cpuSeconds - before.cpuSeconds).toBeCloseTo(0.15, 9);
    expect(after.systemSeconds - before.systemSeconds).toBeCloseTo(0, 9);
    expect(before.pssBytes).toBe(1500);
    expect(before.rssBytes).toBe(9500);
    expect(after.processes).toBe(1);
  });
});

describe('treeUsage', () => {
  it('counts a child that ran and exited in the parent’s CPU', async () => {
    // A shell (a real parent that reaps) runs a busy child that exits, then waits for stdin to close.
    const sh = spawn('sh', ['-c', 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done & wait; echo done; read x'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const before = treeUsage(sh.pid!);
    await new Promise<void>((resolve) => sh.stdout.once('data', () => resolve()));
    const after = treeUsage(sh.pid!);
    sh.stdin.end();
    await new Promise((r) => sh.once('exit', r));
    expect(after.processes).toBe(1); // the busy child is gone
    expect(after.cpuSeconds).toBeGreaterThan(before.cpuSeconds); // ... and its CPU stayed counted
    expect(after.pssBytes).toBeGreaterThan(0);
  });
});
