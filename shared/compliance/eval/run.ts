/**
 * Fair Housing evaluation: `npm run eval:compliance`. Prints precision and
 * recall per protected class and overall, and the false-flag rates on
 * acceptable copy. Exits non-zero when the targets are missed.
 */
import { PROTECTED_CLASSES } from '../fair-housing/classes.js';
import { CORPUS } from './corpus.js';
import { evaluateCorpus } from './evaluate.js';

export const TARGETS = { violationRecall: 0.95, acceptableErrorRate: 0.03 };

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const r = evaluateCorpus(CORPUS);
const counts = { violation: 0, warning: 0, acceptable: 0 };
for (const e of CORPUS) counts[e.label]++;

console.log(`Fair Housing corpus: ${r.total} sentences (${counts.violation} violations, ${counts.warning} warnings, ${counts.acceptable} acceptable)\n`);
console.log(`${'class'.padEnd(34)} support  precision   recall`);
for (const c of r.perClass) {
  console.log(`${PROTECTED_CLASSES[c.cls].label.padEnd(34)} ${String(c.support).padStart(7)}  ${pct(c.precision)}  ${pct(c.recall)}`);
}
console.log('');
console.log(`violation recall (error, any class)      ${pct(r.violationRecall)}   target ≥ ${pct(TARGETS.violationRecall).trim()}`);
console.log(`violation recall (error, right class)    ${pct(r.violationClassRecall)}`);
console.log(`error precision (overall)                ${pct(r.errorPrecision)}`);
console.log(`warning recall (flagged at all)          ${pct(r.warningRecall)}`);
console.log(`acceptable copy flagged as error         ${pct(r.acceptableErrorRate)}   target ≤ ${pct(TARGETS.acceptableErrorRate).trim()}`);
console.log(`acceptable copy flagged at all           ${pct(r.acceptableFlagRate)}`);
if (r.misses.length) {
  console.log('\nMissed:');
  for (const m of r.misses) console.log(`  [${m.entry.label}${m.entry.cls ? `/${m.entry.cls}` : ''}] ${m.entry.text}  → ${m.found.map((f) => `${f.severity}:${f.cls}`).join(', ') || 'nothing'}`);
}
if (r.falseFlags.length) {
  console.log('\nFlagged acceptable copy:');
  for (const m of r.falseFlags) console.log(`  ${m.entry.text}  → ${m.found.map((f) => `${f.severity}:${f.cls} "${f.text}"`).join(', ')}`);
}
const pass = r.violationRecall >= TARGETS.violationRecall && r.acceptableErrorRate <= TARGETS.acceptableErrorRate;
console.log(`\n${pass ? 'PASS' : 'FAIL'}`);
if (!pass) process.exitCode = 1;
