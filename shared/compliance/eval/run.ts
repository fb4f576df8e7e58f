/**
 * Fair Housing evaluation: `npm run eval:compliance`.
 *
 * Prints the development sets (the built-in corpus and the JSONL batches in
 * `eval/dev/`) and the frozen held-out batches in `eval/holdout/` separately:
 * recall per class, error-level and any-level false flags on acceptable copy,
 * and p50/p99 scan time per sentence. Only the held-out figures say how the
 * engine does on copy nobody tuned it on. Exits non-zero when a target is
 * missed. `--misses` lists the development misses and false flags (never the
 * held-out sentences: reading them is how a held-out set stops being one).
 * `--dev` skips the held-out batches altogether.
 */
import { PROTECTED_CLASSES } from '../fair-housing/classes.js';
import { classesForPacks } from '../fair-housing/protection.js';
import { RULE_PACKS } from '../../brand/index.js';
import { CORPUS, type CorpusEntry } from './corpus.js';
import { evaluateCorpus, type EvalReport } from './evaluate.js';
import { loadDevBatches, loadHoldout } from './load.js';

/** Development targets (the corpus was grown with the engine) and the issue's held-out targets. */
export const TARGETS = { violationRecall: 0.95, acceptableErrorRate: 0.03 };
export const HOLDOUT_TARGETS = { recall: 0.95, classRecall: 0.9, errorFlags: 0.02, anyFlags: 0.05 };

const showMisses = process.argv.includes('--misses');
/** `--dev`: development sets only (what to run while changing the engine, so the held-out set is measured only on purpose). */
const devOnly = process.argv.includes('--dev');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const protectedClasses = classesForPacks([...RULE_PACKS]);

function printReport(title: string, entries: readonly CorpusEntry[], r: EvalReport, listDetails: boolean) {
  const counts = { violation: 0, warning: 0, acceptable: 0 };
  for (const e of entries) counts[e.label]++;
  console.log(
    `\n=== ${title}: ${r.total} sentences (${counts.violation} violations, ${counts.warning} warnings, ${counts.acceptable} acceptable)`,
  );
  console.log(`${'class'.padEnd(34)} support  flagged  error/class  precision`);
  for (const c of r.perClass) {
    if (c.support === 0) continue;
    console.log(
      `${PROTECTED_CLASSES[c.cls].label.padEnd(34)} ${String(c.support).padStart(7)}  ${pct(c.anyRecall)}  ${pct(c.recall)}      ${pct(c.precision)}`,
    );
  }
  console.log(`violations flagged (error or warning)    ${pct(r.violationAnyRecall)}`);
  console.log(`violations flagged as error              ${pct(r.violationRecall)}`);
  console.log(`violations flagged as error, right class ${pct(r.violationClassRecall)}`);
  if (counts.warning) console.log(`warning-labeled copy flagged             ${pct(r.warningRecall)}`);
  console.log(`acceptable copy flagged as error         ${pct(r.acceptableErrorRate)}`);
  console.log(`acceptable copy flagged at all           ${pct(r.acceptableFlagRate)}`);
  console.log(`scan time per sentence (uncached)        p50 ${r.p50Ms.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms`);
  if (!listDetails) return;
  if (r.misses.length) {
    console.log('\nMissed:');
    for (const m of r.misses)
      console.log(
        `  [${m.entry.label}${m.entry.cls ? `/${m.entry.cls}` : ''}] ${m.entry.text}  → ${m.found.map((f) => `${f.severity}:${f.cls}`).join(', ') || 'nothing'}`,
      );
  }
  if (r.falseFlags.length) {
    console.log('\nFlagged acceptable copy:');
    for (const m of r.falseFlags)
      console.log(`  ${m.entry.text}  → ${m.found.map((f) => `${f.severity}:${f.cls} "${f.text}"`).join(', ')}`);
  }
}

// Warm up pattern compilation and the JIT so the first sentence's time is not the module load.
evaluateCorpus(CORPUS.slice(0, 50));

const corpusReport = evaluateCorpus(CORPUS);
printReport('Development: built-in corpus (eval/corpus.ts)', CORPUS, corpusReport, showMisses);
const devPass = corpusReport.violationRecall >= TARGETS.violationRecall && corpusReport.acceptableErrorRate <= TARGETS.acceptableErrorRate;

const dev = loadDevBatches();
if (dev.length) printReport('Development: JSONL batches (eval/dev/)', dev, evaluateCorpus(dev), showMisses);

let holdoutPass = true;
const holdout = devOnly ? [] : loadHoldout();
if (devOnly) {
  console.log('\n=== Held-out: skipped (--dev)');
} else if (holdout.length === 0) {
  console.log('\n=== Held-out: no held-out batch frozen under eval/holdout/ (add its .jsonl files with their sha256 in holdout/README.md)');
} else {
  for (const b of holdout) printReport(`Held-out ${b.file}`, b.entries, evaluateCorpus(b.entries), false);
  const all = holdout.flatMap((b) => b.entries);
  const r = evaluateCorpus(all);
  printReport(`Held-out, all ${holdout.length} batches`, all, r, false);
  const weakClasses = r.perClass.filter((c) => c.support > 0 && protectedClasses.has(c.cls) && c.anyRecall < HOLDOUT_TARGETS.classRecall);
  const checks: [string, boolean][] = [
    [`recall ${pct(r.violationAnyRecall).trim()} ≥ ${pct(HOLDOUT_TARGETS.recall).trim()}`, r.violationAnyRecall >= HOLDOUT_TARGETS.recall],
    [
      `every protected class ≥ ${pct(HOLDOUT_TARGETS.classRecall).trim()}${weakClasses.length ? ` (below: ${weakClasses.map((c) => c.cls).join(', ')})` : ''}`,
      weakClasses.length === 0,
    ],
    [
      `error-level false flags ${pct(r.acceptableErrorRate).trim()} ≤ ${pct(HOLDOUT_TARGETS.errorFlags).trim()}`,
      r.acceptableErrorRate <= HOLDOUT_TARGETS.errorFlags,
    ],
    [
      `any-level false flags ${pct(r.acceptableFlagRate).trim()} ≤ ${pct(HOLDOUT_TARGETS.anyFlags).trim()}`,
      r.acceptableFlagRate <= HOLDOUT_TARGETS.anyFlags,
    ],
  ];
  console.log('\nHeld-out targets (all packs):');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${label}`);
  holdoutPass = checks.every(([, ok]) => ok);
}

console.log(
  `\nDevelopment corpus targets: ${devPass ? 'PASS' : 'FAIL'}; held-out targets: ${holdout.length ? (holdoutPass ? 'PASS' : 'FAIL') : 'n/a'}`,
);
if (!devPass || !holdoutPass) process.exitCode = 1;
