import { RULE_PACKS, type RulePack } from '../../brand/index.js';
import { PROTECTED_CLASS_IDS, type ProtectedClass } from '../fair-housing/classes.js';
import { scanFairHousing, type FairHousingMatch } from '../fair-housing/scan.js';
import type { CorpusEntry } from './corpus.js';

export interface ClassMetrics {
  cls: ProtectedClass;
  support: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  total: number;
  perClass: ClassMetrics[];
  /** Violations flagged as an error (any class). */
  violationRecall: number;
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
  misses: { entry: CorpusEntry; found: readonly FairHousingMatch[] }[];
  falseFlags: { entry: CorpusEntry; found: readonly FairHousingMatch[] }[];
}

const ALL_PACKS: RulePack[] = [...RULE_PACKS];
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluateCorpus(corpus: readonly CorpusEntry[]): EvalReport {
  const tp = new Map<ProtectedClass, number>();
  const fp = new Map<ProtectedClass, number>();
  const support = new Map<ProtectedClass, number>();
  let violations = 0;
  let violationHits = 0;
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
    const found = scanFairHousing(entry.text, entry.packs ?? ALL_PACKS);
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
    return { cls, support: s, truePositives: t, falsePositives: f, precision: ratio(t, t + f), recall: ratio(t, s) };
  });
  return {
    total: corpus.length,
    perClass,
    violationRecall: ratio(violationHits, violations),
    violationClassRecall: ratio(violationClassHits, violations),
    errorPrecision: ratio(errorFlaggedViolations, errorFlagged),
    warningRecall: ratio(warningHits, warnings),
    acceptableErrorRate: acceptable === 0 ? 0 : acceptableErrors / acceptable,
    acceptableFlagRate: acceptable === 0 ? 0 : acceptableFlags / acceptable,
    misses,
    falseFlags,
  };
}
