/**
 * `npm run chaos`: the full chaos suite (two rounds of the Redis and PostgreSQL faults, then
 * a killed instance and a late one). Prints the table and writes it into docs/RELIABILITY.md
 * between its markers; exits 1 when any fault broke a promise.
 *   --short     one round (what `npm test` runs)
 *   --no-write  print only
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { projectPath } from '../paths.js';
import { resultTable, runChaos } from './scenario.js';

const args = new Set(process.argv.slice(2));
const started = new Date();
const results = await runChaos({ rounds: args.has('--short') ? 1 : 2, log: (line) => console.log(`[chaos] ${line}`) });
const table = resultTable(results);
console.log(`\n${table}\n`);
const failed = results.filter((r) => r.problems.length);
for (const r of failed) console.error(`FAILED ${r.fault}:\n  ${r.problems.join('\n  ')}`);

if (!args.has('--no-write')) {
  const path = projectPath('docs', 'RELIABILITY.md');
  const doc = readFileSync(path, 'utf8');
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectPath() }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const stamp = `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commit}, ${args.has('--short') ? 'short' : 'full'} suite, ${failed.length ? `${failed.length} faults FAILED` : 'every assertion held'}; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end.`;
  const begin = '<!-- chaos:begin -->';
  const end = '<!-- chaos:end -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${path} lacks the ${begin} / ${end} markers`);
  writeFileSync(path, `${doc.slice(0, a + begin.length)}\n${stamp}\n\n${table}\n${doc.slice(b)}`);
  console.log(`table written to ${path}`);
}
process.exit(failed.length ? 1 : 0);
