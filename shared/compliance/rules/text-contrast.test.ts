import { describe, expect, it } from 'vitest';
import type { DesignObject } from '../../design/index.js';
import { ellipse, image, rect, runRule, text } from '../test-support/builders.js';
import { textContrast } from './text-contrast.js';

const t = (over: Partial<Parameters<typeof text>[0]> = {}) =>
  text({ id: 't', text: 'Hello', x: 100, y: 100, width: 200, height: 40, z: 'm', ...over });

describe('text-contrast', () => {
  it.each<[string, DesignObject[], string, number | string | null]>([
    ['#777 on white, 16px (4.48 < 4.5)', [t({ fill: '#777777', fontSize: 16 })], '#ffffff', 'error'],
    ['#767676 on white, 16px (4.54)', [t({ fill: '#767676', fontSize: 16 })], '#ffffff', null],
    ['#777 on white, 24px is large text', [t({ fill: '#777777', fontSize: 24 })], '#ffffff', null],
    ['#888 bold 19px is large (3.54 ≥ 3)', [t({ fill: '#888888', fontSize: 19, fontWeight: 700 })], '#ffffff', null],
    ['#888 regular 19px is not large', [t({ fill: '#888888', fontSize: 19 })], '#ffffff', 'error'],
    [
      'white on navy rect',
      [rect({ id: 'r', x: 0, y: 0, width: 500, height: 500, fill: '#1f3a5f', z: 'a' }), t({ fill: '#ffffff' })],
      '#ffffff',
      null,
    ],
    ['white on white page', [t({ fill: '#ffffff' })], '#ffffff', 'error'],
    [
      'rect above the text does not count',
      [t({ fill: '#ffffff' }), rect({ id: 'r', x: 0, y: 0, width: 500, height: 500, fill: '#1f3a5f', z: 'z' })],
      '#ffffff',
      'error',
    ],
    [
      'rect not under the centre does not count',
      [rect({ id: 'r', x: 0, y: 0, width: 150, height: 500, fill: '#1f3a5f', z: 'a' }), t({ fill: '#ffffff' })],
      '#ffffff',
      'error',
    ],
    [
      'ellipse corner is outside the ellipse',
      [ellipse({ id: 'e', x: 190, y: 110, width: 1000, height: 1000, fill: '#1f3a5f', z: 'a' }), t({ fill: '#ffffff' })],
      '#ffffff',
      'error',
    ],
    [
      'text over an image is not judged',
      [image({ id: 'i', x: 0, y: 0, width: 500, height: 500, z: 'a' }), t({ fill: '#ffffff' })],
      '#ffffff',
      null,
    ],
    [
      'half-transparent navy over white composites (navy text fails)',
      [rect({ id: 'r', x: 0, y: 0, width: 500, height: 500, fill: 'rgba(31,58,95,0.5)', z: 'a' }), t({ fill: '#1f3a5f' })],
      '#ffffff',
      'error',
    ],
    ['dark page background', [t({ fill: '#edf2f7' })], '#1f3a5f', null],
    [
      'a rect on another page does not count',
      [rect({ id: 'r', x: 0, y: 0, width: 500, height: 500, fill: '#1f3a5f', z: 'a', page: 1 }), t({ fill: '#ffffff' })],
      '#ffffff',
      'error',
    ],
  ])('%s', (_name, objects, background, expected) => {
    const findings = runRule(textContrast, objects, { background });
    if (expected === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe(expected);
  });

  it('fixes with the passing brand colour closest to the current one', () => {
    const [f] = runRule(textContrast, [t({ fill: '#777777', fontSize: 16 })]);
    expect(f!.fix).toMatchObject({ kind: 'set-props', objectId: 't', props: { fill: '#4a5568' } });
  });
});
