/** Pure presentation helpers for scores and findings (band colours, grouping, labels). */
import type { Category, Finding, Severity } from '../../../../shared/compliance/types.js';

export type Band = 'good' | 'fair' | 'poor' | 'unknown';

/** 90+ is good, 70–89 needs attention, below 70 is poor. */
export function scoreBand(score: number | null | undefined): Band {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'unknown';
  if (score >= 90) return 'good';
  if (score >= 70) return 'fair';
  return 'poor';
}

/** Also the colour of the score's number: each is AA (≥ 4.5:1) on white. */
export const BAND_COLOR: Record<Band, string> = {
  good: '#15803d',
  fair: '#b45309',
  poor: '#b91c1c',
  unknown: '#64748b',
};

export const BAND_LABEL: Record<Band, string> = {
  good: 'Good',
  fair: 'Needs attention',
  poor: 'Poor',
  unknown: 'Not scored yet',
};

export function bandColor(score: number | null | undefined): string {
  return BAND_COLOR[scoreBand(score)];
}

/** Clamps and rounds a score for display (0–100, whole numbers). */
export function displayScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '–';
  return String(Math.round(Math.min(100, Math.max(0, score))));
}

/** Stroke length of a ring gauge of radius `r` showing `score` out of 100. */
export function ringDash(score: number | null | undefined, r: number): { dash: number; gap: number } {
  const c = 2 * Math.PI * r;
  const v = score === null || score === undefined || !Number.isFinite(score) ? 0 : Math.min(100, Math.max(0, score));
  const dash = (c * v) / 100;
  return { dash, gap: c - dash };
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
export const CATEGORY_ORDER: readonly Category[] = ['compliance', 'brand'];
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Suggestions' };
export const CATEGORY_LABEL: Record<Category, string> = { compliance: 'Compliance', brand: 'Brand' };

export interface FindingGroup<F extends Pick<Finding, 'category' | 'severity'> = Finding> {
  category: Category;
  severity: Severity;
  findings: F[];
}

/** Findings grouped by category (compliance first) then severity (errors first); blocking ones lead each group. Empty groups are left out. */
export function groupFindings<F extends Pick<Finding, 'category' | 'severity' | 'blocking'>>(findings: readonly F[]): FindingGroup<F>[] {
  const out: FindingGroup<F>[] = [];
  for (const category of CATEGORY_ORDER) {
    for (const severity of SEVERITY_ORDER) {
      const list = findings.filter((f) => f.category === category && f.severity === severity);
      if (!list.length) continue;
      // Stable sort: blocking first, otherwise the engine's order.
      list.sort((a, b) => Number(!!b.blocking) - Number(!!a.blocking));
      out.push({ category, severity, findings: list });
    }
  }
  return out;
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A stable key for a finding (for React lists and "fix in progress" state). */
export function findingKey(f: Pick<Finding, 'ruleId' | 'objectIds' | 'message'>): string {
  return `${f.ruleId}|${f.objectIds.join(',')}|${f.message}`;
}

/** "2 errors, 1 warning" (or "No issues"). */
export function summarize(findings: readonly Pick<Finding, 'severity'>[]): string {
  const c = countBySeverity(findings);
  const parts: string[] = [];
  if (c.error) parts.push(`${c.error} ${c.error === 1 ? 'error' : 'errors'}`);
  if (c.warning) parts.push(`${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}`);
  if (c.info) parts.push(`${c.info} ${c.info === 1 ? 'suggestion' : 'suggestions'}`);
  return parts.length ? parts.join(', ') : 'No issues';
}
