import { describe, expect, it } from 'vitest';
import { DesignObjectSchema, type DesignObject } from '../../design/index.js';
import { design, image, runRule, text } from '../test-support/builders.js';
import { lockedProperties } from './locked-properties.js';

const lockedLogo = image({
  id: 'logo',
  role: 'logo',
  src: '/brand/demo-logo.svg',
  x: 40,
  y: 40,
  width: 300,
  height: 100,
  locked: true,
  z: 'b',
});
const lockedText = text({ id: 'disc', text: 'Equal Housing Opportunity', fill: '#4a5568', locked: true, z: 'c' });
const freeText = text({ id: 'headline', text: 'Just listed', z: 'd' });
const template = design([lockedLogo, lockedText, freeText]);

describe('locked-properties', () => {
  it.each<[string, DesignObject[], [string, Record<string, unknown> | undefined][]]>([
    ['unchanged', [lockedLogo, lockedText, freeText], []],
    ['unlocked object edited freely', [lockedLogo, lockedText, { ...freeText, text: 'Sold!', x: 500 }], []],
    ['locked logo moved', [{ ...lockedLogo, x: 60 }, lockedText, freeText], [['error', { x: 40 }]]],
    ['tiny float drift is not a change', [{ ...lockedLogo, x: 40.001 }, lockedText, freeText], []],
    [
      'locked logo swapped and resized',
      [{ ...lockedLogo, src: '/x.png', width: 200 }, lockedText, freeText],
      [['error', { width: 300, src: '/brand/demo-logo.svg' }]],
    ],
    [
      'locked text reworded and recoloured',
      [lockedLogo, { ...lockedText, text: 'EHO', fill: '#ff0000' }, freeText],
      [['error', { text: 'Equal Housing Opportunity', fill: '#4a5568' }]],
    ],
    ['locked object deleted', [lockedText, freeText], [['warning', undefined]]],
  ])('%s', (_name, objects, expected) => {
    const findings = runRule(lockedProperties, objects, {}, { template });
    expect(findings.map((f) => [f.severity, f.fix?.kind === 'set-props' ? f.fix.props : undefined])).toEqual(expected);
  });

  it('restores a deleted locked object with an insert-object fix', () => {
    const [f] = runRule(lockedProperties, [lockedText], {}, { template });
    expect(f!.fix?.kind).toBe('insert-object');
    if (f!.fix?.kind === 'insert-object') expect(DesignObjectSchema.parse(f!.fix.object)).toEqual(lockedLogo);
  });

  it('does nothing without a template', () => {
    expect(runRule(lockedProperties, [{ ...lockedLogo, x: 999 }])).toEqual([]);
  });
});
