import { describe, expect, it } from 'vitest';
import type { Version } from '../api.js';
import { countsText, groupByDay, summarizeChanges, versionTitle } from './timeline.js';

function version(id: string, createdAt: string, extra: Partial<Version> = {}): Version {
  return {
    id,
    kind: 'auto',
    name: null,
    createdAt,
    createdBy: null,
    createdByName: null,
    changes: {},
    diff: { added: [], removed: [], changed: [] },
    ...extra,
  };
}

describe('summarizeChanges', () => {
  const labels: Record<string, string> = { h: 'Headline', p: 'Price', x: 'Photo', y: 'Logo' };
  const labelOf = (id: string) => labels[id] ?? null;

  it('counts per person and names objects that still exist, busiest first', () => {
    const v = version('v', '2024-01-01T10:00:00Z', {
      changes: {
        u1: { name: 'Ana Agent', added: [], changed: ['h'], removed: [] },
        u2: { name: 'Bea Brand', added: ['gone-1'], changed: ['p', 'x', 'y', 'h'], removed: ['gone-2'] },
        u3: { name: 'Idle', added: [], changed: [], removed: [] },
      },
    });
    expect(summarizeChanges(v, labelOf)).toEqual([
      { userId: 'u2', name: 'Bea Brand', added: 1, changed: 4, removed: 1, names: ['Price', 'Photo', 'Logo'], more: 2 },
      { userId: 'u1', name: 'Ana Agent', added: 0, changed: 1, removed: 0, names: ['Headline'], more: 0 },
    ]);
  });

  it('credits a bare diff to the version creator', () => {
    const v = version('v', '2024-01-01T10:00:00Z', {
      createdBy: 'u9',
      createdByName: 'Cy',
      diff: { added: ['h'], removed: [], changed: [] },
    });
    expect(summarizeChanges(v, labelOf)).toEqual([
      { userId: 'u9', name: 'Cy', added: 1, changed: 0, removed: 0, names: ['Headline'], more: 0 },
    ]);
  });

  it.each([
    [{ added: 0, changed: 0, removed: 0 }, ''],
    [{ added: 2, changed: 1, removed: 0 }, '1 changed · 2 added'],
    [{ added: 0, changed: 0, removed: 3 }, '3 removed'],
  ])('countsText(%o) = %s', (c, text) => expect(countsText(c)).toBe(text));
});

describe('groupByDay', () => {
  it('sorts newest first and labels today and yesterday', () => {
    const now = new Date(2024, 4, 10, 15, 0);
    const at = (d: number, h: number) => new Date(2024, 4, d, h).toISOString();
    const groups = groupByDay([version('a', at(8, 9)), version('b', at(10, 9)), version('c', at(9, 18)), version('d', at(10, 14))], now);
    expect(groups.map((g) => [g.label, g.versions.map((v) => v.id)])).toEqual([
      ['Today', ['d', 'b']],
      ['Yesterday', ['c']],
      [new Date(2024, 4, 8).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' }), ['a']],
    ]);
  });
});

it('versionTitle prefers the name', () => {
  expect(versionTitle(version('v', '', { kind: 'named', name: 'Before price drop' }))).toBe('Before price drop');
  expect(versionTitle(version('v', '', { kind: 'approval' }))).toBe('Approved');
});
