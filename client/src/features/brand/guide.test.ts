import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../../../shared/index.js';
import { activePacks, dosAndDonts, formatRatio, rgbTriplet, textPairings } from './guide.js';

describe('rgbTriplet', () => {
  it.each([
    ['#1f3a5f', '31, 58, 95'],
    ['#FFFFFF', '255, 255, 255'],
    ['nope', ''],
  ])('%s → %s', (hex, want) => expect(rgbTriplet(hex)).toBe(want));
});

describe('textPairings', () => {
  it('puts the most legible first and marks AA for normal and large text', () => {
    const pairs = textPairings('#1f3a5f', DEMO_BRAND_KIT.palette);
    expect(pairs[0]).toMatchObject({ name: 'White', aa: true, aaLarge: true });
    expect(pairs.map((p) => p.ratio)).toEqual([...pairs.map((p) => p.ratio)].sort((a, b) => b - a));
    expect(pairs.find((p) => p.name === 'Navy')).toBeUndefined();
    const black = pairs.find((p) => p.name === 'Black')!;
    expect(black.aa).toBe(false);
  });

  it('uses the WCAG values: white on black is 21:1, #767676 on white just passes', () => {
    expect(textPairings('#000000', [])[0].ratio).toBeCloseTo(21, 5);
    const grey = textPairings('#ffffff', [{ name: 'Grey', hex: '#767676' }]).find((p) => p.name === 'Grey')!;
    expect(grey.ratio).toBeCloseTo(4.54, 2);
    expect(grey.aa).toBe(true);
  });
});

describe('formatRatio', () => {
  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.49)).toBe('4.4:1');
    expect(formatRatio(21)).toBe('21.0:1');
  });
});

describe('dosAndDonts and packs', () => {
  it('follows the kit', () => {
    const { dos, donts } = dosAndDonts(DEMO_BRAND_KIT);
    expect(dos.join(' ')).toContain('Navy');
    expect(dos.join(' ')).toContain('Demo Realty, LLC');
    expect(dos.join(' ')).toContain('cannot be approved');
    expect(donts.join(' ')).toContain('below 8px');
    expect(donts.join(' ')).toContain('narrower than 120px');
  });

  it('always includes federal', () => {
    expect(activePacks({ ...DEMO_BRAND_KIT, rulePacks: ['CA'] })).toEqual(['federal', 'CA']);
  });
});
