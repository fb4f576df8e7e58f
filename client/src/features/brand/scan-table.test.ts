import { describe, expect, it } from 'vitest';
import type { ScanRow } from '../scoring/api.js';
import { nextSort, sortRows, summarizeScan } from './scan-table.js';

const row = (title: string, compliance: number | null, brand: number | null, errors = 0, blocksApproval = false): ScanRow => ({
  designId: title,
  title,
  owner: 'A',
  kind: 'flyer',
  status: 'draft',
  brand,
  compliance,
  blocksApproval,
  errors,
  warnings: 0,
  topIssues: '',
});

const rows = [row('b', 90, 80), row('a', 40, null, 3, true), row('C', null, 70), row('d', 90, 95)];

describe('sortRows', () => {
  it.each([
    [{ key: 'compliance', dir: 'asc' }, ['a', 'b', 'd', 'C']],
    [{ key: 'compliance', dir: 'desc' }, ['b', 'd', 'a', 'C']],
    [{ key: 'brand', dir: 'asc' }, ['C', 'b', 'd', 'a']],
    [{ key: 'title', dir: 'asc' }, ['a', 'b', 'C', 'd']],
    [{ key: 'title', dir: 'desc' }, ['d', 'C', 'b', 'a']],
    [{ key: 'blocksApproval', dir: 'desc' }, ['a', 'b', 'C', 'd']],
  ] as const)('%j', (sort, want) => {
    expect(sortRows(rows, sort).map((r) => r.title)).toEqual(want);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'title', dir: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts numbers worst-first', () => {
    expect(nextSort({ key: 'title', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'asc' }, 'errors')).toEqual({ key: 'errors', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'asc' }, 'compliance')).toEqual({ key: 'compliance', dir: 'asc' });
  });
});

describe('summarizeScan', () => {
  it('averages scored designs only', () => {
    const s = summarizeScan(rows);
    expect(s).toMatchObject({ designs: 4, blocking: 1, errors: 3 });
    expect(s.avgCompliance).toBeCloseTo((90 + 40 + 90) / 3);
    expect(summarizeScan([]).avgBrand).toBeNull();
  });
});
