import { describe, expect, it } from 'vitest';
import { baselineOf } from '../../../../shared/render/index.js';
import { fileSlug } from './export.js';

describe('export helpers', () => {
  it('places baselines like fabric does (the shared layout the PDF is drawn with)', () => {
    expect(baselineOf(0, 100, 1.16)).toBeCloseTo(113 * 0.778, 5);
    expect(baselineOf(1, 100, 1.16) - baselineOf(0, 100, 1.16)).toBeCloseTo(113 * 1.16, 5);
  });
  it('slugs titles for file names', () => {
    expect(fileSlug('  123 Main St — Open House! ')).toBe('123-main-st-open-house');
    expect(fileSlug('***')).toBe('design');
  });
});
