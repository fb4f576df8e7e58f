/** Sorting and summary of a brokerage scan report (pure). */
import type { ScanRow } from '../scoring/api.js';

export type ScanSortKey = 'title' | 'owner' | 'kind' | 'status' | 'brand' | 'compliance' | 'errors' | 'warnings' | 'blocksApproval';
export interface ScanSort {
  key: ScanSortKey;
  dir: 'asc' | 'desc';
}

/** Default: worst first (blocking, then lowest compliance). */
export const DEFAULT_SORT: ScanSort = { key: 'compliance', dir: 'asc' };

function cmp(a: ScanRow, b: ScanRow, key: ScanSortKey): number {
  const x = a[key];
  const y = b[key];
  // Unscored designs sort last whichever way.
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });
  return Number(x) - Number(y);
}

export function sortRows(rows: readonly ScanRow[], sort: ScanSort): ScanRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const nullish = a.r[sort.key] === null || b.r[sort.key] === null;
      const c = cmp(a.r, b.r, sort.key);
      return (nullish ? c : c * sign) || a.i - b.i;
    })
    .map((x) => x.r);
}

/** Clicking a column: same column flips, a new one starts at its natural direction (numbers worst-first). */
export function nextSort(cur: ScanSort, key: ScanSortKey): ScanSort {
  if (cur.key === key) return { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' };
  const worstFirst: Partial<Record<ScanSortKey, 'asc' | 'desc'>> = {
    brand: 'asc',
    compliance: 'asc',
    errors: 'desc',
    warnings: 'desc',
    blocksApproval: 'desc',
  };
  return { key, dir: worstFirst[key] ?? 'asc' };
}

export interface ScanSummary {
  designs: number;
  blocking: number;
  avgBrand: number | null;
  avgCompliance: number | null;
  errors: number;
  warnings: number;
}

export function summarizeScan(rows: readonly ScanRow[]): ScanSummary {
  const avg = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return {
    designs: rows.length,
    blocking: rows.filter((r) => r.blocksApproval).length,
    avgBrand: avg(rows.map((r) => r.brand)),
    avgCompliance: avg(rows.map((r) => r.compliance)),
    errors: rows.reduce((s, r) => s + r.errors, 0),
    warnings: rows.reduce((s, r) => s + r.warnings, 0),
  };
}

/**
 * A rule id in words, for reports stored before rows carried their titles. (The titles come from
 * the server: importing the rules here would put the whole compliance engine, with its language
 * model, into this page's bundle.)
 */
export function issueLabel(ruleId: string): string {
  const words = ruleId.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A row's "a; b; c" top issues as labels: the rules' titles sent with the row, else the ids in words. */
export function topIssueLabels(row: Pick<ScanRow, 'topIssues' | 'topIssueTitles'>): string[] {
  return row.topIssues
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((id, i) => row.topIssueTitles?.[i] ?? issueLabel(id));
}
