import { describe, expect, it } from 'vitest';
import { DesignMetaSchema, DesignObjectSchema } from './model.js';
import { parseDesignMeta, parseDesignObject } from './read.js';
import { expectSame, expectTwinOnGenerated, mutate, zodResult } from '../fast-parse/test-support/testing.js';

const OBJECT_KEYS = [
  'id',
  'type',
  'x',
  'y',
  'width',
  'height',
  'angle',
  'z',
  'name',
  'opacity',
  'visible',
  'locked',
  'role',
  'binding',
  'page',
  'text',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fill',
  'textAlign',
  'lineHeight',
  'src',
  'naturalWidth',
  'naturalHeight',
  'fit',
  'stroke',
  'strokeWidth',
  'radius',
  'extra',
];
const META_KEYS = ['title', 'kind', 'width', 'height', 'background', 'templateId', 'templateVersion', 'bleed', 'pages', 'extra'];

const VALID_OBJECT = { id: 'o1', x: 10, y: 20, width: 100, height: 50, z: 'a0' };
const TYPES = ['text', 'image', 'rect', 'ellipse', 'line'];

describe('parseDesignObject gives what DesignObjectSchema gives', () => {
  it('for valid objects of every type, with defaults filled in', () => {
    for (const type of TYPES) {
      const input = { ...VALID_OBJECT, type };
      expect(parseDesignObject(input)).not.toBeNull();
      expectSame(parseDesignObject(input), zodResult(DesignObjectSchema, input), input);
    }
  });

  it('for non-objects and unknown types', () => {
    for (const input of [
      null,
      undefined,
      1,
      'text',
      [],
      [VALID_OBJECT],
      { ...VALID_OBJECT },
      { ...VALID_OBJECT, type: 'constructor' },
      { ...VALID_OBJECT, type: '__proto__' },
    ]) {
      expectSame(parseDesignObject(input), zodResult(DesignObjectSchema, input), input);
    }
  });

  it('for 20,000 generated objects near the edges', () => {
    expectTwinOnGenerated({
      seed: 7,
      count: 20_000,
      schema: DesignObjectSchema,
      fast: parseDesignObject,
      input: (random, i) => mutate(random, { ...VALID_OBJECT, type: TYPES[i % TYPES.length] }, OBJECT_KEYS),
    });
  });

  it('keeps a present-but-undefined optional key, as zod does', () => {
    const input = { ...VALID_OBJECT, type: 'rect', stroke: undefined };
    expect(Object.keys(parseDesignObject(input)!)).toContain('stroke');
    expectSame(parseDesignObject(input), zodResult(DesignObjectSchema, input), input);
  });
});

describe('parseDesignMeta gives what DesignMetaSchema gives', () => {
  it('for 10,000 generated metas near the edges', () => {
    expectTwinOnGenerated({
      seed: 11,
      count: 10_000,
      schema: DesignMetaSchema,
      fast: parseDesignMeta,
      input: (random) => mutate(random, { width: 816, height: 1056 }, META_KEYS),
    });
  });

  it('for non-objects', () => {
    for (const input of [null, undefined, 0, 'meta', [], [{ width: 1, height: 1 }]])
      expectSame(parseDesignMeta(input), zodResult(DesignMetaSchema, input), input);
  });
});
