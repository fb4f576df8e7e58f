import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../brand/index.js';
import { DesignObjectSchema } from '../../design/index.js';
import { runRule, text } from '../test-support/builders.js';
import { requiredDisclaimers } from './required-disclaimers.js';

const GENERAL = 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.';

describe('required-disclaimers', () => {
  it.each([
    ['exact', GENERAL, 10, null],
    ['different case and spacing', 'information  deemed reliable but NOT guaranteed.\nEqual Housing Opportunity', 10, null],
    ['inside a longer text', `Listing courtesy of Demo Realty. ${GENERAL} Call today.`, 10, null],
    ['too small', GENERAL, 6, 'error'],
    ['missing', 'Information deemed reliable.', 10, 'error'],
  ] as const)('%s', (_name, shown, fontSize, severity) => {
    const findings = runRule(requiredDisclaimers, [text({ id: 'd', text: shown, fontSize, width: 1000, height: 40 })]);
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('enlarges a too-small disclaimer to the kit minimum', () => {
    const [f] = runRule(requiredDisclaimers, [text({ id: 'd', text: GENERAL, fontSize: 6, width: 300, height: 10 })]);
    expect(f!.fix).toMatchObject({ kind: 'set-props', objectId: 'd', props: { fontSize: 8 } });
    if (f!.fix?.kind === 'set-props') expect(f!.fix.props.height).toBeGreaterThan(10);
  });

  it('inserts missing disclaimers at the bottom, stacked, inside the page', () => {
    const kit = {
      ...DEMO_BRAND_KIT,
      rulePacks: ['federal', 'CA'] as const,
      disclaimers: [
        ...DEMO_BRAND_KIT.disclaimers,
        { id: 'ca', text: 'CA DRE #01234567. All square footage approximate.', pack: 'CA' as const },
        { id: 'fl', text: 'Florida only.', pack: 'FL' as const },
      ],
    };
    const findings = runRule(
      requiredDisclaimers,
      [],
      { width: 816, height: 1056 },
      { brandKit: { ...kit, rulePacks: [...kit.rulePacks] }, rulePacks: ['federal', 'CA'] },
    );
    expect(findings).toHaveLength(2); // FL disclaimer not required
    const objects = findings.map((f) => (f.fix?.kind === 'insert-object' ? DesignObjectSchema.parse(f.fix.object) : null));
    for (const o of objects) {
      expect(o).toMatchObject({ type: 'text', role: 'disclaimer', fontFamily: 'Open Sans', fontSize: 8 });
      expect(o!.y + o!.height).toBeLessThanOrEqual(1056);
      expect(o!.x).toBeGreaterThanOrEqual(0);
    }
    expect(objects[1]!.y + objects[1]!.height).toBeLessThanOrEqual(objects[0]!.y);
    expect(objects[0]!.id).not.toBe(objects[1]!.id);
  });
});
