/**
 * Test support for the fast twins: generated inputs near a schema's edges, and the
 * comparison with zod's result. Imported by tests only.
 */
import { expect } from 'vitest';

/** A tiny deterministic PRNG, so a failure names an input that can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values that sit on or across the edges of the shapes we parse, whatever the field. */
export const EDGE_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  2,
  24,
  99,
  100,
  101,
  999,
  1000,
  1001,
  20_000,
  20_001,
  -20_000,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  2 ** 60,
  NaN,
  Infinity,
  -Infinity,
  '',
  'a',
  'text',
  'rect',
  'image',
  'ellipse',
  'line',
  'left',
  'justify',
  'middle',
  'italic',
  'bold',
  'normal',
  'cover',
  'contain',
  'flyer',
  'postcard',
  'poster',
  'Open Sans',
  '#1f3a5f',
  'x'.repeat(32),
  'x'.repeat(33),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(2_000),
  'x'.repeat(2_001),
  [],
  ['a'],
  ['x'.repeat(65)],
  {},
  { x: 1 },
  { x: 1, y: 2 },
  { id: 'u', name: 'Ann', color: '#fff' },
  '__proto__',
  'constructor',
];

/** A mostly-valid input with a few fields changed, dropped or added: where the edge cases live. */
export function mutate(random: () => number, start: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...start };
  const changes = 1 + Math.floor(random() * 4);
  for (let i = 0; i < changes; i++) {
    const key = keys[Math.floor(random() * keys.length)]!;
    if (random() < 0.2) delete out[key];
    else out[key] = EDGE_VALUES[Math.floor(random() * EDGE_VALUES.length)];
  }
  return out;
}

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown } };

/** The zod result in the fast twins' form: the data, or null. */
export function zodResult(schema: Schema, value: unknown): unknown {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

/** Equal values, equal key order, and `undefined` keys kept alike. */
export function expectSame(fast: unknown, zod: unknown, input: unknown): void {
  const keys = (x: unknown) => (x && typeof x === 'object' ? Object.keys(x) : x);
  expect({ input, fast, keys: keys(fast) }).toStrictEqual({ input, fast: zod, keys: keys(zod) });
}

/**
 * Compares a fast twin with its schema on `count` generated inputs, and checks that
 * the inputs hit both outcomes often (at least a tenth accepted, a tenth rejected).
 */
export function expectTwinOnGenerated(opts: {
  seed: number;
  count: number;
  schema: Schema;
  fast: (v: unknown) => unknown;
  input: (random: () => number, i: number) => unknown;
}): void {
  const random = rng(opts.seed);
  let accepted = 0;
  for (let i = 0; i < opts.count; i++) {
    const input = opts.input(random, i);
    const fast = opts.fast(input);
    expectSame(fast, zodResult(opts.schema, input), input);
    if (fast !== null) accepted++;
  }
  expect(accepted).toBeGreaterThan(opts.count / 10);
  expect(accepted).toBeLessThan(opts.count - opts.count / 10);
}
