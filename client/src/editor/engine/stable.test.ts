import { describe, expect, it } from 'vitest';
import { reuseItems, sameApartFromGeometry, sameValue } from './stable.js';

describe('sameValue', () => {
  it('compares nested plain values', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
  });
});

describe('reuseItems', () => {
  const key = (x: { id: string }) => x.id;
  it('returns the previous array when nothing changed', () => {
    const prev = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    expect(
      reuseItems(
        prev,
        [
          { id: 'a', v: 1 },
          { id: 'b', v: 2 },
        ],
        key,
      ),
    ).toBe(prev);
  });
  it('keeps unchanged items and takes changed ones', () => {
    const prev = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    const out = reuseItems(
      prev,
      [
        { id: 'a', v: 1 },
        { id: 'b', v: 3 },
      ],
      key,
    );
    expect(out).not.toBe(prev);
    expect(out[0]).toBe(prev[0]);
    expect(out[1]).toEqual({ id: 'b', v: 3 });
  });
  it('notices a new order, an added and a removed item', () => {
    const prev = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    const swapped = reuseItems(
      prev,
      [
        { id: 'b', v: 2 },
        { id: 'a', v: 1 },
      ],
      key,
    );
    expect(swapped).not.toBe(prev);
    expect(swapped[0]).toBe(prev[1]);
    expect(reuseItems(prev, [{ id: 'a', v: 1 }], key)).toEqual([prev[0]]);
    expect(reuseItems(prev, [...prev.map((x) => ({ ...x })), { id: 'c', v: 0 }], key)).toHaveLength(3);
  });
});

describe('sameApartFromGeometry', () => {
  it('ignores position, size and rotation only', () => {
    const a = { id: 'r', x: 1, y: 2, width: 3, height: 4, angle: 0, fill: '#fff' };
    expect(sameApartFromGeometry(a, { ...a, x: 9, y: 9, width: 9, height: 9, angle: 45 })).toBe(true);
    expect(sameApartFromGeometry(a, { ...a, fill: '#000' })).toBe(false);
    expect(sameApartFromGeometry(a, { ...a, locked: true })).toBe(false);
  });
});
