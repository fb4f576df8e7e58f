import { describe, expect, it } from 'vitest';
import {
  colorDeltaE,
  contrastRatio,
  deltaE2000,
  nearestPaletteColor,
  normalizeHex,
  parseColor,
  relativeLuminance,
  rgbToLab,
} from './color.js';
import { DEMO_BRAND_KIT } from './kit.js';

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula:
// implementation notes, supplementary test data, and mathematical
// observations", Table 1: [L1, a1, b1, L2, a2, b2, ΔE00].
const SHARMA: ReadonlyArray<readonly [number, number, number, number, number, number, number]> = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

describe('deltaE2000', () => {
  it('has all 34 reference pairs', () => expect(SHARMA).toHaveLength(34));
  it.each(SHARMA.map((row, i) => [i + 1, ...row] as const))(
    'pair %i matches Sharma et al. to 4 decimals',
    (_n, L1, a1, b1, L2, a2, b2, expected) => {
      const d = deltaE2000({ L: L1, a: a1, b: b1 }, { L: L2, a: a2, b: b2 });
      expect(Math.round(d * 1e4) / 1e4).toBe(expected);
      // Symmetric.
      expect(deltaE2000({ L: L2, a: a2, b: b2 }, { L: L1, a: a1, b: b1 })).toBeCloseTo(d, 10);
    },
  );
  it('is zero for identical colours', () => expect(colorDeltaE('#1f3a5f', '#1F3A5F')).toBe(0));
});

describe('parseColor', () => {
  it.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#000000', { r: 0, g: 0, b: 0, a: 1 }],
    ['#1F3A5F', { r: 31, g: 58, b: 95, a: 1 }],
    ['#1f3a5f80', { r: 31, g: 58, b: 95, a: 128 / 255 }],
    ['#f008', { r: 255, g: 0, b: 0, a: 136 / 255 }],
    ['rgb(31, 58, 95)', { r: 31, g: 58, b: 95, a: 1 }],
    ['rgba(31,58,95,0.5)', { r: 31, g: 58, b: 95, a: 0.5 }],
    ['RGB(100%, 0%, 0%)', { r: 255, g: 0, b: 0, a: 1 }],
    ['rgb(31 58 95 / 50%)', { r: 31, g: 58, b: 95, a: 0.5 }],
    [' White ', { r: 255, g: 255, b: 255, a: 1 }],
    ['black', { r: 0, g: 0, b: 0, a: 1 }],
    ['transparent', { r: 0, g: 0, b: 0, a: 0 }],
  ])('%s', (input, expected) => expect(parseColor(input)).toEqual(expected));

  it.each(['', '#ggg', '#12345', 'red', 'rgb(1,2)', 'hsl(0, 0%, 0%)', 'url(x)'])('rejects %j', (input) =>
    expect(parseColor(input)).toBeNull(),
  );

  it('normalises to #rrggbb', () => {
    expect(normalizeHex('#ABC')).toBe('#aabbcc');
    expect(normalizeHex('rgb(31,58,95)')).toBe('#1f3a5f');
  });
});

describe('rgbToLab', () => {
  it.each([
    ['#ffffff', 100, 0, 0],
    ['#000000', 0, 0, 0],
    ['#ff0000', 53.2408, 80.0925, 67.2032],
    ['#00ff00', 87.7347, -86.1827, 83.1793],
    ['#0000ff', 32.297, 79.1875, -107.8602],
  ])('%s', (hex, L, a, b) => {
    const lab = rgbToLab(parseColor(hex)!);
    expect(lab.L).toBeCloseTo(L, 2);
    expect(lab.a).toBeCloseTo(a, 1);
    expect(lab.b).toBeCloseTo(b, 1);
  });
});

describe('WCAG contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#595959', '#ffffff', 7.0],
    ['#ff0000', '#ffffff', 4.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#008000', '#ffffff', 5.14],
    ['#ffffff', '#777777', 4.48],
  ])('%s on %s ≈ %f', (fg, bg, expected) => {
    expect(Math.round(contrastRatio(fg, bg) * 100) / 100).toBeCloseTo(expected, 2);
  });

  it('luminance of white and black', () => {
    expect(relativeLuminance(parseColor('#fff')!)).toBe(1);
    expect(relativeLuminance(parseColor('#000')!)).toBe(0);
  });

  it('composites a translucent foreground over the background', () => {
    // 50% black over white blends (in sRGB, as browsers do) to about #808080.
    expect(contrastRatio('rgba(0,0,0,0.5)', '#ffffff')).toBeCloseTo(contrastRatio('#808080', '#ffffff'), 1);
  });
});

describe('nearestPaletteColor', () => {
  it('snaps to the closest brand colour', () => {
    const n = nearestPaletteColor('#203b60', DEMO_BRAND_KIT.palette)!;
    expect(n.color.name).toBe('Navy');
    expect(n.deltaE).toBeLessThan(1);
    expect(nearestPaletteColor('#c8a030', DEMO_BRAND_KIT.palette)!.color.name).toBe('Gold');
  });
  it('returns null for unparseable input or empty palette', () => {
    expect(nearestPaletteColor('nope', DEMO_BRAND_KIT.palette)).toBeNull();
    expect(nearestPaletteColor('#fff', [])).toBeNull();
  });
});
