/**
 * Keeping references stable across store updates. The React panels read the
 * editor state with useSyncExternalStore and memo(): an equal value under a new
 * reference re-renders them (300 layer rows on every drag frame), so refreshes
 * hand back the previous object wherever nothing in it changed.
 */

/** Deep equality for the JSON-like values of the design model (plain objects, arrays, primitives). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  if (ka.length !== Object.keys(rb).length) return false;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * `next`, with each item replaced by its equal predecessor (matched by `key`);
 * `prev` itself when every item and the order are unchanged.
 */
export function reuseItems<T>(prev: readonly T[], next: T[], key: (item: T) => string): T[] {
  const before = new Map(prev.map((item) => [key(item), item]));
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const old = before.get(key(item));
    if (old !== undefined && sameValue(old, item)) {
      if (prev[i] !== old) same = false;
      return old;
    }
    same = false;
    return item;
  });
  return same ? (prev as T[]) : out;
}

/** Design-object keys that a move, resize or rotation changes. */
const GEOMETRY = new Set(['x', 'y', 'width', 'height', 'angle']);

/** Equal apart from position, size and rotation (what a drag changes). */
export function sameApartFromGeometry(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!GEOMETRY.has(k) && !sameValue(a[k], b[k])) return false;
  return true;
}
