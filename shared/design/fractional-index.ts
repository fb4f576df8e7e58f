/**
 * Fractional indexing for stacking order: keys are strings over a base-62
 * alphabet compared as plain strings, and a key can always be made between
 * any two others, so moving an object changes one property of one object.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const MID = DIGITS[Math.floor(BASE / 2)]!;

function digit(ch: string | undefined): number {
  if (ch === undefined) return 0;
  const d = DIGITS.indexOf(ch);
  if (d < 0) throw new Error(`invalid fractional index character: ${ch}`);
  return d;
}

/** A key strictly between `a` and `b` (either may be absent for an open end). */
export function keyBetween(a: string | null | undefined, b: string | null | undefined): string {
  const lo = a ?? '';
  const hi = b ?? null;
  if (hi !== null && lo >= hi) throw new Error(`keyBetween: ${lo} is not below ${hi}`);
  let out = '';
  for (let i = 0; ; i++) {
    const dl = digit(lo[i]);
    const dh = hi === null ? BASE : i < hi.length ? digit(hi[i]) : BASE;
    if (dh - dl > 1) {
      // Room between the two digits at this position.
      const m = Math.floor((dl + dh) / 2);
      return out + DIGITS[m];
    }
    out += DIGITS[dl];
    if (dh - dl === 1) {
      // Adjacent digits: keep lo's digit and find room after it with no upper bound.
      return out + keyAfterSuffix(lo.slice(i + 1));
    }
  }
}

function keyAfterSuffix(suffix: string): string {
  let out = '';
  for (let i = 0; ; i++) {
    const d = digit(suffix[i]);
    if (BASE - d > 1) return out + DIGITS[Math.floor((d + BASE) / 2)];
    out += DIGITS[d];
  }
}

/**
 * `n` evenly spaced increasing keys of equal length (for laying out a whole
 * list at once, e.g. a template's objects), leaving room between neighbours.
 */
export function spacedKeys(n: number): string[] {
  const width = Math.max(1, Math.ceil(Math.log(n + 1) / Math.log(BASE)));
  const span = BASE ** width;
  const keys: string[] = [];
  for (let i = 1; i <= n; i++) {
    let v = Math.floor((i * span) / (n + 1));
    let key = '';
    for (let w = 0; w < width; w++) {
      key = DIGITS[v % BASE] + key;
      v = Math.floor(v / BASE);
    }
    // A key must not end in the lowest digit, or nothing would fit below it.
    keys.push(key + MID);
  }
  return keys;
}

export const FIRST_KEY = MID;
