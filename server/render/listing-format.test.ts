import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../shared/brand/index.js';
import { measureTextHeight } from '../../shared/render/index.js';
import {
  addressLines,
  displayAddress,
  fitText,
  formatFacts,
  formatLicense,
  formatOpenHouse,
  formatPrice,
  nextOpenHouse,
  statusLabel,
} from '../../shared/listing/format.js';
import { zonedLocalToUtc } from '../../shared/listing/time.js';
import { loadBundledFonts } from './fonts.js';

describe('formatPrice', () => {
  it.each([
    [1_250_000, '$1,250,000'],
    [999, '$999'],
    [0, '$0'],
    [425_000.4, '$425,000'],
    [1_999_999.5, '$2,000,000'],
    [12_500_000, '$12,500,000'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [-5, ''],
  ])('%s → %j', (price, expected) => expect(formatPrice(price as number | null)).toBe(expected));
});

describe('formatFacts', () => {
  const f = (bedrooms: number | null, bathrooms: number | null, livingArea: number | null, livingAreaUnits: 'sq ft' | 'm²' = 'sq ft') =>
    formatFacts({ bedrooms, bathrooms, livingArea, livingAreaUnits });
  it.each([
    [f(4, 3, 2150), '4 bd | 3 ba | 2,150 sq ft'],
    [f(3, 2.5, 1800), '3 bd | 2.5 ba | 1,800 sq ft'],
    [f(null, 2, 950), '2 ba | 950 sq ft'],
    [f(2, null, null), '2 bd'],
    [f(null, null, 12500), '12,500 sq ft'],
    [f(0, 1, 450), '0 bd | 1 ba | 450 sq ft'],
    [f(3, 2, 180, 'm²'), '3 bd | 2 ba | 180 m²'],
    [f(null, null, null), ''],
    [f(3, 2, 0), '3 bd | 2 ba'],
  ])('%j', (got, expected) => expect(got).toBe(expected));
});

describe('addressLines', () => {
  it.each([
    [
      {
        streetNumber: '1234',
        streetName: 'Magnolia Ridge',
        streetSuffix: 'Lane',
        city: 'Austin',
        stateOrProvince: 'TX',
        postalCode: '78704',
      },
      '1234 Magnolia Ridge Lane',
      'Austin, TX 78704',
    ],
    [
      {
        streetNumber: '88',
        streetDirPrefix: 'N',
        streetName: 'Lamar',
        streetSuffix: 'Blvd',
        unitNumber: '4B',
        city: 'Austin',
        stateOrProvince: 'TX',
      },
      '88 N Lamar Blvd #4B',
      'Austin, TX',
    ],
    [
      { streetNumber: '10', streetName: 'Main', streetSuffix: 'St', unitNumber: 'Unit 12', postalCode: '78701' },
      '10 Main St Unit 12',
      '78701',
    ],
    [{ unparsed: '500 Congress Ave, Austin, TX 78701' }, '500 Congress Ave', 'Austin, TX 78701'],
    [{ unparsed: '500 Congress Ave', city: 'Austin', stateOrProvince: 'TX', postalCode: '78701' }, '500 Congress Ave', 'Austin, TX 78701'],
    [{ unparsed: 'Lot 7 Hill Country Estates' }, 'Lot 7 Hill Country Estates', ''],
    [{}, '', ''],
  ])('%j', (address, line1, line2) => expect(addressLines(address)).toEqual({ line1, line2 }));

  it('hides the street online when the seller opted out, keeps it in print', () => {
    const l = {
      address: { streetNumber: '1', streetName: 'Elm', streetSuffix: 'St', city: 'Austin', stateOrProvince: 'TX', postalCode: '78704' },
      internetAddressDisplay: false,
    };
    expect(displayAddress(l, true)).toEqual({ line1: 'Austin, TX', line2: '' });
    expect(displayAddress(l, false)).toEqual({ line1: '1 Elm St', line2: 'Austin, TX 78704' });
  });
});

describe('formatOpenHouse (brokerage time zone)', () => {
  it.each([
    // 18:00Z in June is 1:00 PM CDT.
    [{ start: '2025-06-14T18:00:00Z', end: '2025-06-14T21:00:00Z' }, 'America/Chicago', 'Saturday, June 14 | 1:00 – 4:00 PM'],
    [{ start: '2025-06-14T18:00:00Z', end: '2025-06-14T21:00:00Z' }, 'America/Los_Angeles', 'Saturday, June 14 | 11:00 AM – 2:00 PM'],
    [{ start: '2025-06-14T18:00:00Z', end: '2025-06-14T21:00:00Z' }, 'America/New_York', 'Saturday, June 14 | 2:00 – 5:00 PM'],
    [{ start: '2025-12-07T19:30:00Z' }, 'America/Chicago', 'Sunday, December 7 | 1:30 PM'],
    // 03:00Z on the 15th is still the 14th in Chicago.
    [{ start: '2025-06-15T01:00:00Z', end: '2025-06-15T03:00:00Z' }, 'America/Chicago', 'Saturday, June 14 | 8:00 – 10:00 PM'],
    [{ start: 'garbage' }, 'America/Chicago', ''],
  ])('%j in %s', (oh, tz, expected) => expect(formatOpenHouse(oh, tz)).toBe(expected));

  it('reads wall-clock times without an offset in the zone, across DST', () => {
    expect(zonedLocalToUtc('2025-06-14T13:00:00', 'America/Chicago')!.toISOString()).toBe('2025-06-14T18:00:00.000Z');
    expect(zonedLocalToUtc('2025-01-14T13:00:00', 'America/Chicago')!.toISOString()).toBe('2025-01-14T19:00:00.000Z');
    expect(zonedLocalToUtc('not a time', 'America/Chicago')).toBeNull();
  });

  it('picks the next open house not yet over', () => {
    const list = [
      { start: '2025-06-07T18:00:00Z', end: '2025-06-07T20:00:00Z' },
      { start: '2025-06-14T18:00:00Z', end: '2025-06-14T20:00:00Z' },
    ];
    expect(nextOpenHouse(list, Date.parse('2025-06-10T00:00:00Z'))).toBe(list[1]);
    expect(nextOpenHouse(list, undefined)).toBe(list[0]);
    expect(nextOpenHouse(list, Date.parse('2026-01-01T00:00:00Z'))).toBe(list[1]);
    expect(nextOpenHouse([], 0)).toBeNull();
  });
});

describe('statusLabel and formatLicense', () => {
  it.each([
    ['Active', 'FOR SALE'],
    ['Pending', 'PENDING'],
    ['Closed', 'SOLD'],
    ['Active Under Contract', 'UNDER CONTRACT'],
    [null, 'FOR SALE'],
  ] as const)('%s → %s', (s, label) => expect(statusLabel(s)).toBe(label));

  it.each([
    [{ TX: '0654321' }, ['TX'], 'TX License #0654321'],
    [{ CA: '1234567' }, ['CA'], 'CA DRE #01234567'],
    [{ TX: '0654321', FL: 'SL123' }, ['FL'], 'FL License #SL123'],
    [{ TX: '0654321' }, ['FL'], 'TX License #0654321'],
    [{}, ['TX'], ''],
    [undefined, ['TX'], ''],
  ])('%j %j', (numbers, states, expected) => expect(formatLicense(numbers, states)).toBe(expected));
});

describe('fitText: long text must not overflow its box', () => {
  beforeAll(() => loadBundledFonts());
  const box = { width: 440, height: 36, fontSize: 28, fontWeight: 700, fontFamily: 'Montserrat' };
  const fitsIn = (text: string, fontSize: number, b = box) =>
    measureTextHeight({ text, width: b.width, fontFamily: b.fontFamily, fontSize, fontWeight: b.fontWeight, lineHeight: undefined }) <=
    b.height + 0.5;
  const min = DEMO_BRAND_KIT.fonts.find((f) => f.role === 'heading')!.minSize;

  it.each([
    ['1234 Magnolia Ridge Lane', 'fits'],
    ['12345 North Magnolia Ridge Lane #204', 'shrunk'],
    ['12345 North Magnolia Ridge Country Estates Boulevard Extension Building C Unit 2048', 'truncated'],
    ['', 'fits'],
  ] as const)('%s → %s', (text, how) => {
    const fitted = fitText(text, box, min);
    expect(fitted.how).toBe(how);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(min);
    expect(fitted.fontSize).toBeLessThanOrEqual(box.fontSize);
    expect(fitsIn(fitted.text, fitted.fontSize)).toBe(true);
    if (how === 'truncated') {
      expect(fitted.text.endsWith('…')).toBe(true);
      expect(fitted.fontSize).toBe(min);
    } else expect(fitted.text).toBe(text);
  });

  it('truncates multi-line remarks at a word', () => {
    const remarks = 'Light-filled modern farmhouse on a quiet street. '.repeat(20).trim();
    const b = { width: 440, height: 124, fontSize: 13, fontWeight: 400, fontFamily: 'Open Sans' };
    const fitted = fitText(remarks, b, 11);
    expect(fitted.how).toBe('truncated');
    expect(fitsIn(fitted.text, fitted.fontSize, b)).toBe(true);
    expect(fitted.text).toMatch(/[a-z.]…$/);
  });
});
