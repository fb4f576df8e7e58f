import { describe, expect, it } from 'vitest';
import { scanFairHousing } from './scan.js';

const ALL = ['federal', 'CA', 'TX', 'FL'] as const;
const summary = (text: string, packs: readonly ('federal' | 'CA' | 'TX' | 'FL')[] = ALL) =>
  scanFairHousing(text, packs).map((m) => `${m.severity}:${m.cls}:${m.text}`);

describe('scanFairHousing', () => {
  it.each([
    // Inflections, case and punctuation variants.
    ['No kids', 'error:familial-status:No kids'],
    ['no-kids', 'error:familial-status:no-kids'],
    ['No Children!', 'error:familial-status:No Children'],
    ['kid free', 'error:familial-status:kid free'],
    ['child-free', 'error:familial-status:child-free'],
    ['Kid-Free Building', 'error:familial-status:Kid-Free'],
    ['childfree', 'error:familial-status:childfree'],
    ['ADULTS  ONLY', 'error:familial-status:ADULTS  ONLY'],
    ['perfect for a couple with no kids', 'error:familial-status:perfect for a couple'],
    ['Christian home', 'error:religion:Christian home'],
    ['No Section 8', 'error:source-of-income:No Section 8'],
    ['no wheelchairs', 'error:disability:no wheelchairs'],
    ['English-speakers only', 'error:national-origin:English-speakers only'],
    ['Preferring Christians', 'error:religion:Preferring Christians'],
    // Warnings.
    ['exclusive neighborhood', 'warning:race:exclusive neighborhood'],
    ['Private community', 'warning:race:Private community'],
    ['bachelor pad', 'warning:sex:bachelor pad'],
    ['Empty-nesters', 'warning:familial-status:Empty-nesters'],
    ['great for families', 'warning:familial-status:great for families'],
    ['55+ community', 'warning:familial-status:55+ community'],
  ])('%j', (text, expected) => expect(summary(text)).toContain(expected));

  it.each([
    'family room',
    'Master bedroom with walk-in closet',
    'walking distance to the park',
    'exclusive listing',
    'single-family home',
    'single family neighborhood',
    'bachelor apartment',
    'mother-in-law suite',
    'Jewish Community Center',
    'Christian Brothers winery',
    'no kidding',
    'bright white family room',
    'no Chinese drywall',
    'deed-restricted community',
    'private backyard',
    'senior center',
    "no man's land",
  ])('%j is acceptable', (text) => expect(summary(text)).toEqual([]));

  it('applies state classes only under their pack', () => {
    expect(summary('No Section 8. Married couples only.', ['federal', 'TX'])).toEqual(['error:familial-status:couples only']);
    expect(summary('No Section 8.', ['federal', 'FL'])).toEqual([]);
    expect(summary('No Section 8.', ['federal', 'CA'])).toEqual(['error:source-of-income:No Section 8']);
    expect(summary('US citizens only', ['federal'])).toEqual(['warning:national-origin:US citizens only']);
    expect(summary('US citizens only', ['CA'])).toEqual(['error:citizenship-immigration:US citizens only']);
  });

  it('reads a phrase in the context of a longer match', () => {
    expect(summary('Senior citizens only')).toEqual(['warning:familial-status:Senior citizens only']);
  });

  it('gives neutral wording cased like the original, and offsets into the text', () => {
    const [m] = scanFairHousing('Sunny unit. NO KIDS.', ALL);
    expect(m).toMatchObject({ text: 'NO KIDS', start: 12, end: 19, suggestion: 'WELCOMING TO ALL' });
    const [m2] = scanFairHousing('Adults only', ALL);
    expect(m2!.suggestion).toBe('All are welcome');
  });

  it('is deterministic and returns the same (frozen) result for the same text', () => {
    const a = scanFairHousing('No kids, no pets, adults only.', ALL);
    const b = scanFairHousing('No kids, no pets, adults only.', ALL);
    expect(b).toEqual(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
