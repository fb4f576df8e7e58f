/**
 * Small parsers for the few shapes read on hot paths (every object of a design
 * as the editor opens, every awareness update), with the same results as the
 * zod schemas that define those shapes: zod stays the contract at the edges,
 * these are its fast twins, and each twin is checked against its schema on
 * thousands of generated inputs (see the `*.test.ts` beside each use).
 *
 * Why not zod there: on a first visit the editor would construct every schema
 * and load zod's 90 kB before it can draw, and parsing 300 objects through a
 * freshly built schema is slower than these plain checks.
 *
 * Semantics followed (zod 4): numbers are finite; `int` means a safe integer;
 * strings are bounded by `.length`; objects must be plain objects (not null or
 * arrays), keep only their shape's keys in the shape's order, and keep a key
 * that was present with `undefined` for an optional field; a default replaces
 * `undefined` only.
 */

/** Marks a failed parse; never a valid value. */
export const BAD: unique symbol = Symbol('bad');
export type Parser<T> = (value: unknown) => T | typeof BAD;

export const number =
  (ok?: (n: number) => boolean): Parser<number> =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && (!ok || ok(v)) ? v : BAD;

export const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  number((n) => Number.isSafeInteger(n) && n >= min && n <= max);

export const string =
  (min: number, max: number): Parser<string> =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max ? v : BAD;

export const boolean: Parser<boolean> = (v) => (typeof v === 'boolean' ? v : BAD);

export const oneOf =
  <const T extends readonly unknown[]>(values: T): Parser<T[number]> =>
  (v) =>
    values.includes(v) ? (v as T[number]) : BAD;

export const either =
  <A, B>(a: Parser<A>, b: Parser<B>): Parser<A | B> =>
  (v) => {
    const first = a(v);
    return first === BAD ? b(v) : first;
  };

export const optional =
  <T>(p: Parser<T>): Parser<T | undefined> =>
  (v) =>
    v === undefined ? undefined : p(v);

export const nullable =
  <T>(p: Parser<T>): Parser<T | null> =>
  (v) =>
    v === null ? null : p(v);

export const withDefault =
  <T>(p: Parser<T>, fallback: T): Parser<T> =>
  (v) =>
    v === undefined ? fallback : p(v);

export const array =
  <T>(item: Parser<T>, maxItems: number): Parser<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > maxItems) return BAD;
    const out: T[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === BAD) return BAD;
      out[i] = r;
    }
    return out;
  };

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type Shape = Record<string, Parser<unknown>>;

/** An object with exactly the shape's keys (unknown keys dropped), each parsed. */
export function object<T>(shape: Shape): Parser<T> {
  const keys = Object.keys(shape);
  return (v) => {
    if (!isPlainRecord(v)) return BAD;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const raw = v[key];
      const r = shape[key]!(raw);
      if (r === BAD) return BAD;
      if (r !== undefined || (raw === undefined && key in v)) out[key] = r;
    }
    return out as T;
  };
}
