import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../brand/index.js';
import { DesignObjectSchema, type DesignObject } from '../../design/index.js';
import { image, runRule, text } from '../test-support/builders.js';
import { ehoMark } from './eho-mark.js';

describe('eho-mark', () => {
  it.each<[string, DesignObject[], boolean]>([
    ['EHO logo by role', [image({ id: 'e', role: 'eho-logo', src: '/x.svg' })], false],
    ['EHO artwork by src', [image({ id: 'e', src: '/brand/eho.svg' })], false],
    ['slogan text', [text({ id: 's', text: 'Equal Housing Opportunity' })], false],
    [
      'slogan inside a disclaimer, odd case and spacing',
      [text({ id: 's', text: 'Info deemed reliable.  EQUAL   housing opportunity.' })],
      false,
    ],
    ['slogan role', [text({ id: 's', role: 'eho-slogan', text: 'EHO' })], false],
    ['hidden logo does not count', [image({ id: 'e', role: 'eho-logo', src: '/brand/eho.svg', visible: false })], true],
    ['nothing', [text({ id: 'h', text: 'Just listed' })], true],
    ['"Equal Housing Lender" is not the mark', [text({ id: 'h', text: 'Equal Housing Lender' })], true],
  ])('%s', (_name, objects, missing) => {
    expect(runRule(ehoMark, objects).length).toBe(missing ? 1 : 0);
  });

  it('takes its severity from the kit', () => {
    expect(runRule(ehoMark, [])[0]!.severity).toBe('error');
    const kit = { ...DEMO_BRAND_KIT, ehoMark: { ...DEMO_BRAND_KIT.ehoMark, severity: 'warning' as const } };
    expect(runRule(ehoMark, [], {}, { brandKit: kit })[0]!.severity).toBe('warning');
  });

  it('inserts the mark at the bottom right inside the page', () => {
    const [f] = runRule(ehoMark, [], { width: 816, height: 1056 });
    if (f!.fix?.kind !== 'insert-object') throw new Error('expected insert-object');
    const o = DesignObjectSchema.parse(f!.fix.object);
    expect(o).toMatchObject({ type: 'image', src: '/brand/eho.svg', role: 'eho-logo' });
    expect(o.x + o.width).toBeLessThanOrEqual(816 - 12);
    expect(o.y + o.height).toBeLessThanOrEqual(1056 - 12);
    expect(o.x).toBeGreaterThan(600);
  });
});
