import { describe, expect, it } from 'vitest';
import { keysOnTop, sortStack, zBack, zBackward, zForward, zFront } from './zorder.js';

const stack = [
  { id: 'a', z: 'A' },
  { id: 'b', z: 'B' },
  { id: 'c', z: 'C' },
  { id: 'd', z: 'C' }, // tie with c, broken by id
  { id: 'e', z: 'E' },
];
const order = (items: { id: string; z: string }[]) =>
  sortStack(items)
    .map((o) => o.id)
    .join('');
const apply = (id: string, z: string | null) => stack.map((o) => (o.id === id && z ? { ...o, z } : o));

describe('z order by fractional keys', () => {
  it.each([
    ['forward a', 'a', zForward, 'bacde'],
    ['forward b above a tied pair', 'b', zForward, 'acdbe'],
    ['forward c (tied with d) goes above d', 'c', zForward, 'abdce'],
    ['backward e below a tied pair', 'e', zBackward, 'abecd'],
    ['backward b', 'b', zBackward, 'bacde'],
    ['front a', 'a', zFront, 'bcdea'],
    ['back e', 'e', zBack, 'eabcd'],
  ] as const)('%s', (_n, id, fn, expected) => {
    expect(order(apply(id, fn(stack, id)))).toBe(expected);
  });
  it('is null at the ends', () => {
    expect(zForward(stack, 'e')).toBeNull();
    expect(zBackward(stack, 'a')).toBeNull();
  });
  it('makes increasing keys on top', () => {
    const keys = keysOnTop(stack, 3);
    expect(keys[0] > 'E').toBe(true);
    expect(keys[1] > keys[0] && keys[2] > keys[1]).toBe(true);
    expect(keysOnTop([], 1)).toHaveLength(1);
  });
});
