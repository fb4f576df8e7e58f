import { describe, expect, it } from 'vitest';
import { baselineOffset, fileSlug, pdfFont } from './export.js';

describe('export helpers', () => {
  it('maps design fonts to standard PDF fonts', () => {
    expect(pdfFont({ fontFamily: 'Montserrat', fontWeight: 700 })).toEqual({ family: 'helvetica', style: 'bold' });
    expect(pdfFont({ fontFamily: 'Open Sans', fontWeight: 400, fontStyle: 'italic' })).toEqual({ family: 'helvetica', style: 'italic' });
    expect(pdfFont({ fontFamily: 'Playfair Display', fontWeight: '800' })).toEqual({ family: 'times', style: 'bold' });
    expect(pdfFont({ fontFamily: 'Courier New', fontWeight: 'normal' })).toEqual({ family: 'courier', style: 'normal' });
  });
  it('places baselines like fabric does', () => {
    expect(baselineOffset(0, 100, 1.16)).toBeCloseTo(113 * 0.778, 5);
    expect(baselineOffset(1, 100, 1.16) - baselineOffset(0, 100, 1.16)).toBeCloseTo(113 * 1.16, 5);
  });
  it('slugs titles for file names', () => {
    expect(fileSlug('  123 Main St — Open House! ')).toBe('123-main-st-open-house');
    expect(fileSlug('***')).toBe('design');
  });
});
