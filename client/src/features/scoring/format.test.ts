import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/index.js';
import { bandColor, displayScore, findingKey, groupFindings, ringDash, scoreBand, summarize } from './format.js';

describe('scoreBand', () => {
  it.each([
    [100, 'good'],
    [90, 'good'],
    [89.6, 'fair'],
    [70, 'fair'],
    [69.9, 'poor'],
    [0, 'poor'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    [Number.NaN, 'unknown'],
  ] as const)('%s → %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });

  it('gives each band a distinct colour', () => {
    expect(new Set([bandColor(95), bandColor(75), bandColor(40), bandColor(null)]).size).toBe(4);
  });
});

describe('displayScore and ringDash', () => {
  it.each([
    [99.5, '100'],
    [-3, '0'],
    [130, '100'],
    [null, '–'],
  ] as const)('%s shows as %s', (s, want) => expect(displayScore(s)).toBe(want));

  it('fills the ring in proportion', () => {
    const r = 10;
    const c = 2 * Math.PI * r;
    expect(ringDash(100, r).dash).toBeCloseTo(c);
    expect(ringDash(100, r).gap).toBeCloseTo(0);
    expect(ringDash(25, r).dash).toBeCloseTo(c / 4);
    expect(ringDash(null, r).dash).toBe(0);
    expect(ringDash(250, r).dash).toBeCloseTo(c);
  });
});

const f = (category: Finding['category'], severity: Finding['severity'], ruleId: string, blocking?: boolean): Finding => ({
  ruleId,
  category,
  severity,
  objectIds: [],
  message: ruleId,
  blocking,
});

describe('groupFindings', () => {
  it('orders compliance before brand and errors before warnings, blocking first within a group', () => {
    const groups = groupFindings([
      f('brand', 'warning', 'b1'),
      f('compliance', 'error', 'c1'),
      f('brand', 'error', 'b2'),
      f('compliance', 'error', 'c2', true),
      f('compliance', 'info', 'c3'),
    ]);
    expect(groups.map((g) => `${g.category}/${g.severity}:${g.findings.map((x) => x.ruleId).join(',')}`)).toEqual([
      'compliance/error:c2,c1',
      'compliance/info:c3',
      'brand/error:b2',
      'brand/warning:b1',
    ]);
  });

  it('is empty for no findings', () => expect(groupFindings([])).toEqual([]));
});

describe('summarize and findingKey', () => {
  it.each([
    [[], 'No issues'],
    [[f('brand', 'error', 'a')], '1 error'],
    [
      [f('brand', 'error', 'a'), f('brand', 'error', 'b'), f('brand', 'warning', 'c'), f('brand', 'info', 'd')],
      '2 errors, 1 warning, 1 suggestion',
    ],
  ])('%#', (list, want) => expect(summarize(list)).toBe(want));

  it('keys findings by rule, objects and message', () => {
    expect(findingKey({ ruleId: 'r', objectIds: ['a', 'b'], message: 'm' })).toBe('r|a,b|m');
  });
});
