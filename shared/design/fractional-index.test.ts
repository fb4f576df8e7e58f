import { describe, expect, it } from 'vitest';
import { keyBetween, spacedKeys } from './fractional-index.js';

describe('keyBetween', () => {
  const cases: Array<[string | null, string | null]> = [
    [null, null],
    ['V', null],
    [null, 'V'],
    ['V', 'W'],
    ['V', 'V1'],
    ['z', null],
    ['zzz', null],
    [null, '01'],
    ['0V', '1'],
    ['A', 'AV'],
  ];
  it.each(cases)('between %s and %s', (a, b) => {
    const k = keyBetween(a, b);
    if (a !== null) expect(k > a).toBe(true);
    if (b !== null) expect(k < b).toBe(true);
    expect(k.endsWith('0')).toBe(false);
  });

  it('keeps finding room when inserting repeatedly at one spot', () => {
    let lo = 'V';
    const hi = 'W';
    for (let i = 0; i < 200; i++) {
      const k = keyBetween(lo, hi);
      expect(k > lo && k < hi).toBe(true);
      lo = k;
    }
  });

  it('refuses an inverted range', () => {
    expect(() => keyBetween('b', 'a')).toThrow();
  });
});

describe('spacedKeys', () => {
  it('gives sorted, distinct keys with room between neighbours', () => {
    const keys = spacedKeys(300);
    expect(new Set(keys).size).toBe(300);
    expect([...keys].sort()).toEqual(keys);
    for (let i = 1; i < keys.length; i++) {
      const k = keyBetween(keys[i - 1], keys[i]);
      expect(k > keys[i - 1]! && k < keys[i]!).toBe(true);
    }
  });
});
