import { describe, expect, it } from 'vitest';
import type { DesignObject } from '../design/index.js';
import { ctx, compliantObjects, design, ellipse, image, rect, text } from './test-support/builders.js';
import { brokerageName, caLicenseNumber, ehoMark, requiredDisclaimers } from './rules/index.js';
import { scoreDesign } from './engine.js';

// The compliant fixture plus the EHO logo, on a 1080 × 1080 page; each case adds or changes something on top.
const base = (): DesignObject[] => [
  ...compliantObjects(),
  image({ id: 'eho', role: 'eho-logo', src: '/brand/eho.svg', x: 980, y: 960, width: 48, height: 48 }),
];
const failing = (objects: DesignObject[], meta = {}) => {
  const d = design(objects, meta);
  return [ehoMark, requiredDisclaimers, brokerageName].filter((r) => r.check(d, ctx()).length > 0).map((r) => r.id);
};

describe('a required element that a reader cannot see counts as missing', () => {
  it('the base design passes', () => {
    expect(failing(base())).toEqual([]);
  });

  it.each<[string, (objects: DesignObject[]) => DesignObject[], string[]]>([
    [
      'an opaque page-sized rect on top of everything',
      (o) => [...o, rect({ id: 'cover', x: 0, y: 0, width: 1080, height: 1080, fill: '#ffffff' })],
      ['eho-mark', 'required-disclaimers', 'brokerage-name'],
    ],
    [
      'two opaque shapes that together hide the disclaimer',
      (o) => [
        ...o,
        rect({ id: 'l', x: 50, y: 995, width: 500, height: 30, fill: '#fff' }),
        rect({ id: 'r', x: 540, y: 995, width: 500, height: 30, fill: '#fff' }),
      ],
      ['required-disclaimers'],
    ],
    [
      'an opaque ellipse over the brokerage name',
      (o) => [...o, ellipse({ id: 'blob', x: 20, y: 780, width: 520, height: 120, fill: 'rgb(255, 255, 255)' })],
      ['brokerage-name'],
    ],
    ['the disclaimer moved off the page', (o) => o.map((x) => (x.id === 'disclaimer' ? { ...x, y: 2000 } : x)), ['required-disclaimers']],
    ['the brokerage name in 2 px type', (o) => o.map((x) => (x.id === 'brokerage' ? { ...x, fontSize: 2 } : x)), ['brokerage-name']],
    [
      'the disclaimer faded to 5% opacity',
      (o) => o.map((x) => (x.id === 'disclaimer' ? { ...x, opacity: 0.05 } : x)),
      ['required-disclaimers'],
    ],
  ])('%s', (_name, change, rules) => {
    expect(failing(change(base()))).toEqual(rules);
  });

  it.each<[string, (objects: DesignObject[]) => DesignObject[]]>([
    ['a shape beneath (a background band)', (o) => [rect({ id: 'band', x: 0, y: 950, width: 1080, height: 130, z: '0' }), ...o]],
    ['a translucent shape on top', (o) => [...o, rect({ id: 'tint', x: 0, y: 0, width: 1080, height: 1080, fill: 'rgba(0,0,0,0.2)' })]],
    [
      'a transparent shape on top',
      (o) => [...o, rect({ id: 'frame', x: 0, y: 0, width: 1080, height: 1080, fill: 'transparent', stroke: '#000' })],
    ],
    ['text on top', (o) => [...o, text({ id: 'over', x: 0, y: 990, width: 1080, height: 30, text: 'Call today' })]],
    ['a shape covering less than half of it', (o) => [...o, rect({ id: 'chip', x: 980, y: 960, width: 20, height: 48, fill: '#fff' })]],
    ['an opaque shape on another page', (o) => [...o, rect({ id: 'back', x: 0, y: 0, width: 1080, height: 1080, page: 1 })]],
  ])('still shown: %s', (_name, change) => {
    expect(failing(change(base()))).toEqual([]);
  });

  // The disclaimer's text carries the EHO slogan too: the logo is tested on its own.
  const logo = () => image({ id: 'eho', role: 'eho-logo', src: '/brand/eho.svg', x: 980, y: 960, width: 48, height: 48 });
  it.each<[string, DesignObject[], boolean]>([
    ['the EHO logo alone', [logo()], false],
    ['an image over the EHO logo', [logo(), image({ id: 'photo', x: 900, y: 900, width: 180, height: 180 })], true],
    ['the EHO logo shrunk to a speck', [{ ...logo(), width: 2, height: 2 }], true],
    ['the EHO logo half off the page', [{ ...logo(), x: 1060 }], true],
  ])('EHO logo: %s', (_name, objects, missing) => {
    expect(ehoMark.check(design(objects), ctx()).length).toBe(missing ? 1 : 0);
  });

  it('names the reason and the hidden object in the finding', () => {
    const d = design([logo(), rect({ id: 'cover', x: 0, y: 0, width: 1080, height: 1080, fill: '#fff' })]);
    const [f] = ehoMark.check(d, ctx());
    expect(f!.objectIds).toEqual(['eho']);
    expect(f!.message).toMatch(/covered by another object/);
    const [g] = requiredDisclaimers.check(
      design([...base(), rect({ id: 'cover', x: 0, y: 0, width: 1080, height: 1080, fill: '#fff' })]),
      ctx(),
    );
    expect(g!.objectIds).toEqual(['disclaimer']);
    expect(g!.message).toMatch(/covered by another object/);
  });

  it('a CA license number under a shape is not shown', () => {
    const agents = [{ name: 'Jane Agent', licenseNumbers: { CA: '01234567' } }];
    const objects = [
      ...base(),
      text({ id: 'lic', role: 'license-number', text: 'DRE #01234567', x: 60, y: 870, width: 300, height: 20, fontSize: 12 }),
    ];
    const c = ctx({ rulePacks: ['federal', 'CA'], agents });
    expect(caLicenseNumber.check(design(objects), c)).toEqual([]);
    const covered = [...objects, rect({ id: 'cover', x: 40, y: 860, width: 400, height: 40, fill: '#fff' })];
    expect(caLicenseNumber.check(design(covered), c).some((f) => f.severity === 'error')).toBe(true);
  });

  it('covering everything and shrinking the page no longer scores 100', () => {
    const hidden = design([...base(), rect({ id: 'cover', x: 0, y: 0, width: 1080, height: 1080, fill: '#ffffff' })], {
      width: 1080,
      height: 1080,
    });
    expect(scoreDesign(hidden, ctx()).compliance).toBeLessThan(100);
    const cropped = design(base(), { width: 500, height: 500 });
    expect(scoreDesign(cropped, ctx()).compliance).toBeLessThan(100);
  });
});
