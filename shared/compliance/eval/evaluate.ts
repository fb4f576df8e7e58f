import { RULE_PACKS, type RulePack } from '../../brand/index.js';
import { PROTECTED_CLASS_IDS, type ProtectedClass } from '../fair-housing/classes.js';
import { scanFairHousingUncached, type FairHousingMatch } from '../fair-housing/scan.js';
import type { CorpusEntry } from './corpus.js';

export interface ClassMetrics {
  cls: ProtectedClass;
  support: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  /** Violations of this class flagged as an error of this class. */
  recall: number;
  /** Violations of this class flagged at all (error or warning, any class). */
  anyRecall: number;
}

export interface EvalReport {
  total: number;
  perClass: ClassMetrics[];
  /** Violations flagged as an error (any class). */
  violationRecall: number;
  /** Violations flagged at all: error or warning, any class (the held-out headline). */
  violationAnyRecall: number;
  /** Violations flagged as an error of the labeled class. */
  violationClassRecall: number;
  /** Share of error-flagged entries that are labeled violations. */
  errorPrecision: number;
  /** Warning-labeled entries flagged at warning or error. */
  warningRecall: number;
  /** Acceptable entries with any error-level finding. */
  acceptableErrorRate: number;
  /** Acceptable entries with any finding at all (warnings included). */
  acceptableFlagRate: number;
  /** Scan time per sentence, uncached, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  misses: { entry: CorpusEntry; found: readonly FairHousingMatch[] }[];
  falseFlags: { entry: CorpusEntry; found: readonly FairHousingMatch[] }[];
}

const ALL_PACKS: RulePack[] = [...RULE_PACKS];
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function evaluateCorpus(corpus: readonly CorpusEntry[]): EvalReport {
  const tp = new Map<ProtectedClass, number>();
  const fp = new Map<ProtectedClass, number>();
  const support = new Map<ProtectedClass, number>();
  let violations = 0;
  let violationHits = 0;
  let violationAnyHits = 0;
  const anyHits = new Map<ProtectedClass, number>();
  const times: number[] = [];
  let violationClassHits = 0;
  let errorFlagged = 0;
  let errorFlaggedViolations = 0;
  let warnings = 0;
  let warningHits = 0;
  let acceptable = 0;
  let acceptableErrors = 0;
  let acceptableFlags = 0;
  const misses: EvalReport['misses'] = [];
  const falseFlags: EvalReport['falseFlags'] = [];

  for (const entry of corpus) {
    const t0 = performance.now();
    const found = scanFairHousingUncached(entry.text, entry.packs ?? ALL_PACKS);
    times.push(performance.now() - t0);
    const errorClasses = new Set(found.filter((m) => m.severity === 'error').map((m) => m.cls));
    if (errorClasses.size > 0) {
      errorFlagged++;
      if (entry.label === 'violation') errorFlaggedViolations++;
    }
    if (entry.label === 'violation' && entry.cls) support.set(entry.cls, (support.get(entry.cls) ?? 0) + 1);
    for (const cls of errorClasses) {
      if (entry.label === 'violation' && entry.cls === cls) tp.set(cls, (tp.get(cls) ?? 0) + 1);
      else fp.set(cls, (fp.get(cls) ?? 0) + 1);
    }
    switch (entry.label) {
      case 'violation':
        violations++;
        if (errorClasses.size > 0) violationHits++;
        if (found.length > 0) {
          violationAnyHits++;
          if (entry.cls) anyHits.set(entry.cls, (anyHits.get(entry.cls) ?? 0) + 1);
        }
        if (entry.cls && errorClasses.has(entry.cls)) violationClassHits++;
        else misses.push({ entry, found });
        break;
      case 'warning':
        warnings++;
        if (found.length > 0) warningHits++;
        else misses.push({ entry, found });
        break;
      case 'acceptable':
        acceptable++;
        if (errorClasses.size > 0) acceptableErrors++;
        if (found.length > 0) {
          acceptableFlags++;
          falseFlags.push({ entry, found });
        }
        break;
    }
  }

  const perClass = PROTECTED_CLASS_IDS.map((cls) => {
    const t = tp.get(cls) ?? 0;
    const f = fp.get(cls) ?? 0;
    const s = support.get(cls) ?? 0;
    return {
      cls,
      support: s,
      truePositives: t,
      falsePositives: f,
      precision: ratio(t, t + f),
      recall: ratio(t, s),
      anyRecall: ratio(anyHits.get(cls) ?? 0, s),
    };
  });
  times.sort((a, b) => a - b);
  return {
    total: corpus.length,
    perClass,
    violationRecall: ratio(violationHits, violations),
    violationAnyRecall: ratio(violationAnyHits, violations),
    violationClassRecall: ratio(violationClassHits, violations),
    errorPrecision: ratio(errorFlaggedViolations, errorFlagged),
    warningRecall: ratio(warningHits, warnings),
    acceptableErrorRate: acceptable === 0 ? 0 : acceptableErrors / acceptable,
    acceptableFlagRate: acceptable === 0 ? 0 : acceptableFlags / acceptable,
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    misses,
    falseFlags,
  };
}
