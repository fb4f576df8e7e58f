import { describe, expect, it } from 'vitest';
import { outputType, printSize } from './downscale.js';

describe('printSize', () => {
  it('a 6000×4000 photo in a 840×456 cover frame needs the frame at 300 ppi (2625 px wide)', () => {
    // cover: the width decides (840/6000 > 456/4000); 840 design px = 8.75 in → 2625 px.
    expect(printSize({ width: 6000, height: 4000 }, { width: 840, height: 456 })).toEqual({ width: 2625, height: 1750 });
  });

  it('contain uses the smaller scale', () => {
    expect(printSize({ width: 6000, height: 4000 }, { width: 840, height: 456 }, 'contain')).toEqual({ width: 2138, height: 1425 });
  });

  it('never scales up', () => {
    expect(printSize({ width: 800, height: 600 }, { width: 816, height: 1056 })).toEqual({ width: 800, height: 600 });
  });
});

describe('outputType', () => {
  it('keeps JPEG, and transparency (PNG, WebP) as WebP', () => {
    expect(outputType('image/jpeg')).toBe('image/jpeg');
    expect(outputType('image/png')).toBe('image/webp');
    expect(outputType('image/webp')).toBe('image/webp');
  });
});
