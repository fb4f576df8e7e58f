import { describe, expect, it } from 'vitest';
import { DesignSchema } from '../design/index.js';
import { applyFix, applyReplaceText } from './apply-fix.js';
import { runRules, scoreDesign } from './engine.js';
import { ctx, design, image, rect, text } from './test-support/builders.js';
import { RULES } from './rules/index.js';
import type { Finding } from './types.js';

describe('applyReplaceText', () => {
  it.each([
    ['No kids. No kids.', { from: 'No kids', to: 'All welcome', at: 9 }, 'No kids. All welcome.'],
    ['No kids. No kids.', { from: 'No kids', to: 'All welcome' }, 'All welcome. No kids.'],
    ['Edited: No kids.', { from: 'No kids', to: 'All welcome', at: 0 }, 'Edited: All welcome.'],
    ['Nothing here', { from: 'No kids', to: 'x', at: 0 }, 'Nothing here'],
  ])('%j', (s, fix, expected) => expect(applyReplaceText(s, fix)).toBe(expected));
});

/** A design that breaks most rules at once (demo kit, TX + CA + FL). */
function messy() {
  return design(
    [
      rect({ id: 'band', x: 0, y: 0, width: 816, height: 200, fill: '#2a4a75', z: 'a1' }),
      image({ id: 'logo', role: 'logo', src: '/brand/demo-logo.svg', x: 30, y: 40, width: 90, height: 40, z: 'a2' }),
      text({
        id: 'headline',
        role: 'headline',
        text: 'Adults only! Perfect for a mature couple.',
        fontFamily: 'Comic Sans MS',
        fontSize: 40,
        fill: '#123456',
        x: 30,
        y: 90,
        width: 300,
        height: 40,
        z: 'a3',
      }),
      text({ id: 'agent', role: 'agent-name', text: 'Jane Agent', fontSize: 30, x: 30, y: 800, width: 300, height: 36, z: 'a4' }),
      text({ id: 'brokerage', role: 'brokerage-name', text: 'Demo Realty', fontSize: 10, x: 30, y: 840, width: 300, height: 14, z: 'a5' }),
      text({ id: 'team', role: 'team-name', text: 'The Agent Team', fontSize: 20, x: 30, y: 860, width: 300, height: 26, z: 'a6' }),
      text({ id: 'grey', text: 'Call today', fill: '#999999', fontSize: 14, x: 400, y: 700, width: 200, height: 20, z: 'a7' }),
      text({ id: 'edge', text: 'Open Saturday', x: 2, y: 600, width: 200, height: 30, z: 'a8' }),
    ],
    { kind: 'flyer', width: 816, height: 1056, background: '#fdf6e3', bleed: 12 },
  );
}

const CONTEXT = ctx({ rulePacks: ['federal', 'TX', 'CA', 'FL'], agents: [{ name: 'Jane Agent', licenseNumbers: { CA: '01234567' } }] });

describe('applyFix', () => {
  const d = messy();
  const before = runRules(d, CONTEXT);
  const withFix = before.filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => f.fix !== undefined);

  it('the messy design exercises many rules', () => {
    expect(new Set(before.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(withFix.map((f) => [`${f.ruleId}: ${f.fix.label} (${f.message.slice(0, 60)})`, f] as const))(
    '%s resolves its finding',
    (_name, f) => {
      const fixed = applyFix(d, f.fix);
      expect(DesignSchema.safeParse(fixed).success).toBe(true);
      const rule = RULES.find((r) => r.id === f.ruleId)!;
      const same = (x: { message: string; objectIds: string[] }) => x.message === f.message && x.objectIds.join() === f.objectIds.join();
      expect(runRules(fixed, CONTEXT, [rule]).filter(same)).toEqual([]);
    },
  );

  it('does not modify its input', () => {
    const copy = structuredClone(d);
    for (const f of withFix) applyFix(d, f.fix);
    expect(d).toEqual(copy);
  });

  it('applying every fix improves both scores', () => {
    let current = d;
    for (let round = 0; round < 5; round++) {
      const fixes = runRules(current, CONTEXT).flatMap((f) => (f.fix ? [f.fix] : []));
      if (fixes.length === 0) break;
      for (const fix of fixes) current = applyFix(current, fix);
    }
    const a = scoreDesign(d, CONTEXT);
    const b = scoreDesign(current, CONTEXT);
    expect(a.blocksApproval).toBe(true);
    expect(b.blocksApproval).toBe(false);
    expect(b.compliance).toBeGreaterThan(a.compliance);
    expect(b.brand).toBeGreaterThan(a.brand);
  });
});
