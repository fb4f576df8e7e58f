import type { Finding, Severity } from './types.js';

/**
 * Score weights — the one place they are defined.
 *
 * Each score (brand, compliance) starts at 100. Every finding of that
 * category costs its severity's weight; one rule can cost at most
 * RULE_PENALTY_CAP points (so fifty off-palette dots do not zero the score
 * on their own), and the result is clamped to 0..100 and rounded to an
 * integer.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { error: 15, warning: 5, info: 1 };
export const RULE_PENALTY_CAP = 40;

export interface Scores {
  brand: number;
  compliance: number;
}

export function scoreFindings(findings: readonly Finding[]): Scores {
  const perRule = { brand: new Map<string, number>(), compliance: new Map<string, number>() };
  for (const f of findings) {
    const m = perRule[f.category];
    m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + SEVERITY_WEIGHTS[f.severity]);
  }
  const score = (m: Map<string, number>) => {
    let penalty = 0;
    for (const p of m.values()) penalty += Math.min(RULE_PENALTY_CAP, p);
    return Math.max(0, Math.min(100, Math.round(100 - penalty)));
  };
  return { brand: score(perRule.brand), compliance: score(perRule.compliance) };
}
