import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT, DesignObjectSchema } from '../../../../shared/index.js';
import { boxFromDrag, clampToPage, newId, objectForTool } from './tools.js';

describe('creation tools', () => {
  it('a click places a default-sized object centred on the point', () => {
    expect(boxFromDrag('rect', { x: 100, y: 100 }, { x: 101, y: 101 })).toEqual({ x: 0, y: 30, width: 200, height: 140 });
  });
  it('a click with the text tool starts the text at the point', () => {
    expect(boxFromDrag('text', { x: 100, y: 100 }, { x: 100, y: 100 })).toEqual({ x: 100, y: 80, width: 320, height: 40 });
  });
  it('new boxes are kept on the page when they fit', () => {
    expect(clampToPage({ x: -50, y: 1040, width: 320, height: 40 }, { width: 816, height: 1056 })).toEqual({
      x: 0,
      y: 1016,
      width: 320,
      height: 40,
    });
    expect(clampToPage({ x: 700, y: 10, width: 320, height: 40 }, { width: 816, height: 1056 })).toEqual({
      x: 496,
      y: 10,
      width: 320,
      height: 40,
    });
  });
  it('a drag draws the box in any direction', () => {
    expect(boxFromDrag('ellipse', { x: 100, y: 100 }, { x: 40, y: 20 })).toEqual({ x: 40, y: 20, width: 60, height: 80 });
  });
  it('lines are horizontal with zero height', () => {
    expect(boxFromDrag('line', { x: 10, y: 50 }, { x: 110, y: 90 })).toEqual({ x: 10, y: 50, width: 100, height: 0 });
  });
  it.each(['text', 'rect', 'ellipse', 'line'] as const)('new %s objects are valid model objects in brand colours', (tool) => {
    const o = objectForTool(tool, { x: 1, y: 2, width: 30, height: 40 }, DEMO_BRAND_KIT);
    const parsed = DesignObjectSchema.parse({ ...o, id: newId(), z: 'U' });
    expect(parsed.type).toBe(tool);
    const colour = parsed.type === 'line' ? parsed.stroke : parsed.type === 'image' ? '' : parsed.fill;
    expect(DEMO_BRAND_KIT.palette.map((p) => p.hex)).toContain(colour);
  });
});
