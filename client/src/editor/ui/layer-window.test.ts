import { describe, expect, it } from 'vitest';
import { LAYER_OVERSCAN_PX, LAYER_ROW_PX, layerWindow } from './layer-window.js';

const overscanRows = LAYER_OVERSCAN_PX / LAYER_ROW_PX;

describe('layerWindow', () => {
  it('keeps every row of a short list', () => {
    expect(layerWindow(23, 0, 300)).toEqual({ start: 0, end: 23 });
    expect(layerWindow(0, 0, 300)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the visible rows of a long list and the overscan around them, not the rest', () => {
    // 300 rows, scrolled to row 150, 320 px (10 rows) visible.
    const { start, end } = layerWindow(300, 150 * LAYER_ROW_PX, 10 * LAYER_ROW_PX);
    expect(start).toBe(150 - overscanRows);
    expect(end).toBe(160 + overscanRows);
  });

  it('clamps at both ends and tolerates odd measurements (negative scroll, zero height, past the end)', () => {
    expect(layerWindow(300, -50, 320).start).toBe(0);
    expect(layerWindow(300, 0, 0)).toEqual({ start: 0, end: overscanRows });
    expect(layerWindow(300, 299 * LAYER_ROW_PX, 320).end).toBe(300);
    const past = layerWindow(300, 100_000, 320);
    expect(past.start).toBeLessThanOrEqual(past.end);
    expect(past.end).toBe(300);
  });
});
