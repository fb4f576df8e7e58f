/** Stacking changes as new `z` keys for one object (fractional indexing). */
import { keyBetween, FIRST_KEY } from '../../../../shared/design/index.js';

export interface Stackable {
  id: string;
  z: string;
}

/** Lowest first, by z then id (the order every replica agrees on). */
export function sortStack<T extends Stackable>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.z !== b.z ? (a.z < b.z ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A key strictly above `lo` and below the next distinct key after it in `sorted`. */
function keyAbove(sorted: Stackable[], lo: string, skipId: string): string {
  const next = sorted.find((o) => o.id !== skipId && o.z > lo);
  return keyBetween(lo, next ? next.z : null);
}

function keyBelow(sorted: Stackable[], hi: string, skipId: string): string {
  let prev: Stackable | undefined;
  for (const o of sorted) if (o.id !== skipId && o.z < hi) prev = o;
  return keyBetween(prev ? prev.z : null, hi);
}

/** New z for `id` one step up (above the object directly above it), or null if already on top. */
export function zForward(items: Stackable[], id: string): string | null {
  const sorted = sortStack(items);
  const i = sorted.findIndex((o) => o.id === id);
  if (i < 0 || i === sorted.length - 1) return null;
  return keyAbove(sorted, sorted[i + 1].z, id);
}

/** New z for `id` one step down, or null if already at the bottom. */
export function zBackward(items: Stackable[], id: string): string | null {
  const sorted = sortStack(items);
  const i = sorted.findIndex((o) => o.id === id);
  if (i <= 0) return null;
  return keyBelow(sorted, sorted[i - 1].z, id);
}

export function zFront(items: Stackable[], id: string): string | null {
  const sorted = sortStack(items);
  const top = sorted[sorted.length - 1];
  if (!top || top.id === id) return null;
  return keyBetween(top.z, null);
}

export function zBack(items: Stackable[], id: string): string | null {
  const sorted = sortStack(items);
  const bottom = sorted[0];
  if (!bottom || bottom.id === id) return null;
  return keyBelow(sorted, bottom.z, id);
}

/** `n` increasing keys above everything in `items` (for new, pasted or duplicated objects). */
export function keysOnTop(items: Stackable[], n: number): string[] {
  let top: string | null = null;
  for (const o of items) if (top === null || o.z > top) top = o.z;
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    top = top === null ? FIRST_KEY : keyBetween(top, null);
    keys.push(top);
  }
  return keys;
}
