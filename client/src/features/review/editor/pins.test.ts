import { describe, expect, it } from 'vitest';
import type { Comment } from '../api.js';
import { buildThreads, hitObject, offsetInObject, pinPoint, pointInBox, toDesign, toScreen } from './pins.js';

const box = { x: 100, y: 50, width: 200, height: 100, angle: 0 };

function comment(id: string, createdAt: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    designId: 'd',
    parentId: null,
    authorId: 'u',
    authorName: 'U',
    body: id,
    objectId: null,
    x: null,
    y: null,
    mentions: [],
    resolvedAt: null,
    createdAt,
    ...extra,
  };
}

describe('pinPoint', () => {
  it.each([
    // [what, comment, geometry, expected]
    ['object pin = top-left + offset', { objectId: 'o', x: 10, y: 20 }, box, { x: 110, y: 70 }],
    ['follows the object when it moves', { objectId: 'o', x: 10, y: 20 }, { ...box, x: 400, y: 300 }, { x: 410, y: 320 }],
    ['offset clamped to a box that shrank', { objectId: 'o', x: 180, y: 90 }, { ...box, width: 50, height: 40 }, { x: 150, y: 90 }],
    ['point pin stays put', { objectId: null, x: 33, y: 44 }, null, { x: 33, y: 44 }],
    ['object gone → no pin', { objectId: 'o', x: 1, y: 1 }, null, null],
    ['point pin without coordinates → no pin', { objectId: null, x: null, y: null }, null, null],
  ] as const)('%s', (_what, c, geom, expected) => {
    const p = pinPoint(c as Pick<Comment, 'objectId' | 'x' | 'y'>, geom as typeof box | null);
    if (expected === null) expect(p).toBeNull();
    else {
      expect(p!.x).toBeCloseTo(expected.x);
      expect(p!.y).toBeCloseTo(expected.y);
    }
  });

  it('turns with a rotated object (90° about the centre)', () => {
    // Top-left corner of a 200×100 box centred at (200, 100), rotated 90° clockwise, lands at the top-right of the turned box.
    const p = pinPoint({ objectId: 'o', x: 0, y: 0 }, { ...box, angle: 90 })!;
    expect(p.x).toBeCloseTo(250);
    expect(p.y).toBeCloseTo(0);
  });

  it('offsetInObject is the inverse of pinPoint, rotated or not', () => {
    for (const angle of [0, 30, -75, 180]) {
      const g = { ...box, angle };
      const pin = pinPoint({ objectId: 'o', x: 37, y: 61 }, g)!;
      expect(offsetInObject(pin, g)).toEqual({ x: 37, y: 61 });
    }
  });
});

describe('hit testing', () => {
  const page = { width: 800, height: 1000 };
  const objects = [
    { id: 'bg', x: 0, y: 0, width: 800, height: 1000, angle: 0 },
    { id: 'photo', x: 0, y: 0, width: 800, height: 500, angle: 0, role: 'photo' },
    { id: 'headline', x: 50, y: 400, width: 700, height: 80, angle: 0, role: 'headline' },
    { id: 'hidden', x: 50, y: 400, width: 700, height: 80, angle: 0, visible: false },
    { id: 'rule', x: 50, y: 600, width: 700, height: 2, angle: 0 },
  ];
  it.each([
    [{ x: 100, y: 420 }, 'headline'], // topmost visible wins over the photo below
    [{ x: 100, y: 100 }, 'photo'],
    [{ x: 100, y: 800 }, null], // only the page background: a point comment
    [{ x: 100, y: 605 }, 'rule'], // thin lines get extra tolerance
  ])('%o → %s', (p, id) => expect(hitObject(p, objects, page)).toBe(id));

  it('pointInBox respects rotation', () => {
    const g = { x: 0, y: 0, width: 100, height: 10, angle: 90 };
    expect(pointInBox({ x: 50, y: 40 }, g)).toBe(true);
    expect(pointInBox({ x: 90, y: 5 }, g)).toBe(false);
  });
});

it('screen ↔ design round-trips through the viewport transform', () => {
  const vpt = [0.5, 0, 0, 0.5, 120, 40];
  expect(toScreen({ x: 100, y: 200 }, vpt)).toEqual({ x: 170, y: 140 });
  expect(toDesign({ x: 170, y: 140 }, vpt)).toEqual({ x: 100, y: 200 });
});

describe('buildThreads', () => {
  it('groups replies (and replies to replies) under their root, numbered by start', () => {
    const threads = buildThreads([
      comment('r2', '2024-01-01T10:05:00Z', { resolvedAt: '2024-01-01T11:00:00Z' }),
      comment('a', '2024-01-01T10:06:00Z', { parentId: 'r1' }),
      comment('r1', '2024-01-01T10:00:00Z'),
      comment('b', '2024-01-01T10:07:00Z', { parentId: 'a' }),
      comment('orphan', '2024-01-01T10:08:00Z', { parentId: 'missing' }),
    ]);
    expect(threads.map((t) => [t.root.id, t.number, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ['r1', 1, ['a', 'b'], false],
      ['r2', 2, [], true],
      ['orphan', 3, [], false],
    ]);
    expect(threads[0]!.lastAt).toBe('2024-01-01T10:07:00Z');
  });
});
