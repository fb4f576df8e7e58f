import { describe, expect, it } from 'vitest';
import { checkText, RULE_ERROR_ID, runRules, scoreDesign } from './engine.js';
import { compliantObjects, ctx, design, text } from './test-support/builders.js';
import { RULE_PENALTY_CAP, scoreFindings, SEVERITY_WEIGHTS } from './scoring.js';
import { FindingSchema, type Finding, type Rule } from './types.js';

const f = (over: Partial<Finding>): Finding => ({
  ruleId: 'r',
  category: 'brand',
  severity: 'error',
  objectIds: [],
  message: 'm',
  ...over,
});

describe('scoreFindings', () => {
  it.each([
    ['no findings', [], { brand: 100, compliance: 100 }],
    ['one brand error', [f({})], { brand: 100 - SEVERITY_WEIGHTS.error, compliance: 100 }],
    [
      'warning + info in compliance',
      [f({ category: 'compliance', severity: 'warning' }), f({ category: 'compliance', severity: 'info', ruleId: 's' })],
      { brand: 100, compliance: 94 },
    ],
    ['capped per rule', Array.from({ length: 10 }, () => f({})), { brand: 100 - RULE_PENALTY_CAP, compliance: 100 }],
    [
      'several rules add up and clamp at 0',
      ['a', 'b', 'c', 'd'].flatMap((r) => Array.from({ length: 5 }, () => f({ ruleId: r }))),
      { brand: 0, compliance: 100 },
    ],
  ] as const)('%s', (_name, findings, expected) => {
    expect(scoreFindings(findings as Finding[])).toEqual(expected);
  });
});

describe('runRules', () => {
  const boom: Rule = {
    id: 'boom',
    title: 'Explodes',
    category: 'compliance',
    severity: 'error',
    blocking: true,
    check: () => {
      throw new Error('kaput');
    },
  };
  const fine: Rule = {
    id: 'fine',
    title: 'Fine',
    category: 'brand',
    severity: 'warning',
    check: () => [{ severity: 'warning', objectIds: ['x'], message: 'hm' }],
  };

  it('turns a throwing rule into a rule-error finding and keeps running', () => {
    const findings = runRules(design([]), ctx(), [boom, fine]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: RULE_ERROR_ID, category: 'compliance', blocking: true });
    expect(findings[0]!.message).toContain('boom');
    expect(findings[0]!.message).toContain('kaput');
    expect(findings[1]).toMatchObject({ ruleId: 'fine', category: 'brand', severity: 'warning' });
  });

  it('blocks approval when a blocking rule throws', () => {
    expect(scoreDesign(design([]), ctx(), [boom]).blocksApproval).toBe(true);
    expect(scoreDesign(design([]), ctx(), [fine]).blocksApproval).toBe(false);
  });
});

describe('scoreDesign', () => {
  it('a compliant design scores 100/100 and is approvable', () => {
    const r = scoreDesign(design(compliantObjects()), ctx());
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ brand: 100, compliance: 100, blocksApproval: false });
  });

  it('a Fair Housing error blocks approval and costs compliance points', () => {
    const d = design([...compliantObjects(), text({ id: 'copy', text: 'Adults only, no kids.' })]);
    const r = scoreDesign(d, ctx());
    expect(r.blocksApproval).toBe(true);
    expect(r.compliance).toBe(100 - 2 * SEVERITY_WEIGHTS.error);
    expect(r.findings.every((x) => FindingSchema.safeParse(x).success)).toBe(true);
  });

  it('a missing brokerage name blocks approval', () => {
    const d = design(compliantObjects().filter((o) => o.id !== 'brokerage'));
    const r = scoreDesign(d, ctx());
    expect(r.blocksApproval).toBe(true);
    expect(r.findings.map((x) => x.ruleId)).toContain('brokerage-name');
  });

  it('is deterministic whatever the key order of objects', () => {
    const objs = [
      ...compliantObjects(),
      text({ id: 'c1', text: 'No kids', fill: '#123456' }),
      text({ id: 'c2', text: 'Christian home', fill: '#abcdef' }),
    ];
    const a = scoreDesign(design(objs), ctx());
    const b = scoreDesign(design([...objs].reverse()), ctx());
    expect(b).toEqual(a);
  });
});

describe('checkText', () => {
  it('flags Fair Housing wording with a replace-text fix on @text', () => {
    const r = checkText('Charming bungalow, perfect for a couple. No kids!', { rulePacks: ['federal'] });
    expect(r.blocksApproval).toBe(true);
    expect(r.findings).toHaveLength(2);
    expect(r.findings[1]!.fix).toMatchObject({ kind: 'replace-text', objectId: '@text', from: 'No kids', at: 41 });
    expect(r.compliance).toBe(70);
  });
  it('passes clean copy', () => {
    expect(checkText('Sunny family room and a walk-in closet, walking distance to the park.')).toEqual({
      compliance: 100,
      findings: [],
      blocksApproval: false,
    });
  });
  it('applies state packs', () => {
    expect(checkText('No Section 8.', { rulePacks: ['federal'] }).findings).toHaveLength(0);
    expect(checkText('No Section 8.', { rulePacks: ['CA'] }).findings).toHaveLength(1);
  });
});
