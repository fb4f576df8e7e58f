import { describe, expect, it } from 'vitest';
import { PROTECTED_CLASS_IDS } from '../fair-housing/classes.js';
import { CORPUS } from './corpus.js';
import { evaluateCorpus } from './evaluate.js';

// Quality targets from the issue (the same figures `npm run eval:compliance` prints).
describe('Fair Housing evaluation corpus', () => {
  const report = evaluateCorpus(CORPUS);

  it('is large enough and covers every protected class', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    for (const cls of PROTECTED_CLASS_IDS) {
      expect(CORPUS.filter((e) => e.label === 'violation' && e.cls === cls).length, cls).toBeGreaterThanOrEqual(5);
    }
    expect(CORPUS.filter((e) => e.label === 'acceptable').length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((e) => e.label === 'warning').length).toBeGreaterThanOrEqual(10);
  });

  it('recall on violations ≥ 0.95', () => {
    expect(report.violationRecall, JSON.stringify(report.misses.map((m) => m.entry.text))).toBeGreaterThanOrEqual(0.95);
  });

  it('error-level false flags on acceptable copy ≤ 3%', () => {
    expect(report.acceptableErrorRate, JSON.stringify(report.falseFlags.map((m) => m.entry.text))).toBeLessThanOrEqual(0.03);
  });

  it('flags warnings', () => {
    expect(report.warningRecall).toBeGreaterThanOrEqual(0.9);
  });
});
