/**
 * Summarises a V8 .cpuprofile (from BENCH_PROFILE=<dir> npm run bench):
 * `tsx bench/profile-summary.ts <file> [top]` prints self time per
 * function and per package/file, and inclusive time for the heaviest frames;
 * PROFILE_FROM=<s> PROFILE_TO=<s> restrict it to a window (busy time per second is printed to find one).
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// PROFILE_FROM / PROFILE_TO (seconds since the profile started) keep one window, e.g. one phase.
const from = Number(process.env.PROFILE_FROM ?? 0) * 1e6;
const to = Number(process.env.PROFILE_TO ?? Infinity) * 1e6;
const selfUs = new Map<number, number>();
const busyPerSecond: number[] = [];
let at = 0;
prof.samples.forEach((id, i) => {
  at += prof.timeDeltas[i] ?? 0;
  const idle = byId.get(id)!.callFrame.functionName === '(idle)';
  if (!idle) busyPerSecond[Math.floor(at / 1e6)] = (busyPerSecond[Math.floor(at / 1e6)] ?? 0) + (prof.timeDeltas[i] ?? 0);
  if (at >= from && at < to) selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/^\/work\/main\//, '');
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const pkg = (n: Node) => {
  const u = shortUrl(n.callFrame.url);
  if (!u) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  if (u.startsWith('node:')) return u;
  const parts = u.split('/');
  return parts[0]!.startsWith('@')
    ? parts.slice(0, 2).join('/')
    : u.includes('/') && !u.startsWith('server') && !u.startsWith('shared')
      ? parts[0]!
      : u;
};

const self = new Map<string, number>();
const perPkg = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  perPkg.set(pkg(n), (perPkg.get(pkg(n)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + us);
  }
}

const show = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`total sampled ${(total / 1e6).toFixed(2)} s over ${((prof.endTime - prof.startTime) / 1e6).toFixed(1)} s`);
console.log(
  `busy ms per second since the start (to pick a window): ${busyPerSecond.map((us, s) => `${s}:${Math.round((us ?? 0) / 1000)}`).join(' ')}`,
);
show('self time by function', self, top);
show('self time by package / file', perPkg, 25);
show('inclusive time', inclusive, top);
