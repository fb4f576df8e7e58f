import { describe, expect, it } from 'vitest';
import { dirtyRegion } from './dirty-region.js';

describe('dirtyRegion', () => {
  it('grows rectangles to whole pixels with a pixel of margin, cut to the canvas', () => {
    expect(dirtyRegion([{ x: 10.4, y: 20.6, width: 5.2, height: 4 }], 100, 100)).toEqual([{ x: 9, y: 19, width: 8, height: 7 }]);
    expect(dirtyRegion([{ x: -20, y: 90, width: 30, height: 30 }], 100, 100)).toEqual([{ x: 0, y: 89, width: 11, height: 11 }]);
  });

  it('keeps rectangles apart, also where they overlap (a guide line across an object stays a thin strip)', () => {
    const object = { x: 100, y: 100, width: 50, height: 50 };
    const guide = { x: 120, y: 0, width: 3, height: 1000 };
    expect(dirtyRegion([object, guide], 1000, 1000)).toEqual([
      { x: 99, y: 99, width: 52, height: 52 },
      { x: 119, y: 0, width: 5, height: 1000 },
    ]);
  });

  it('is empty when nothing changed, and drops empty or broken rectangles', () => {
    expect(dirtyRegion([], 100, 100)).toEqual([]);
    expect(
      dirtyRegion(
        [
          { x: 5, y: 5, width: 0, height: 10 },
          { x: NaN, y: 0, width: 5, height: 5 },
          { x: 500, y: 500, width: 5, height: 5 },
        ],
        100,
        100,
      ),
    ).toEqual([]);
  });

  it('gives up (whole frame) when the region is most of the canvas', () => {
    expect(dirtyRegion([{ x: 0, y: 0, width: 90, height: 90 }], 100, 100)).toBeNull();
    expect(dirtyRegion([{ x: 0, y: 0, width: 50, height: 50 }], 100, 100)).not.toBeNull();
    expect(
      dirtyRegion(
        [
          { x: 0, y: 0, width: 100, height: 35 },
          { x: 0, y: 50, width: 100, height: 35 },
        ],
        100,
        100,
      ),
    ).toBeNull();
  });
});
