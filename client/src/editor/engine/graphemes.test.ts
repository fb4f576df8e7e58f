import { describe, expect, it } from 'vitest';
import { simpleGraphemes } from './graphemes.js';

const segment = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);

describe('simpleGraphemes', () => {
  it('splits listing copy exactly as the full grapheme rules do', () => {
    const copy = [
      '3 bd · 2 ba',
      'Chef’s kitchen — “move-in ready”…',
      'Open house Sat 1–4 pm • $1,250,000 • €980.000 • £750k',
      'Café, piñata, Straße, Łódź, Ærø, naïve',
      'Nhà đẹp gần biển',
      'Продаётся дом · Ελληνικά',
      'REALTOR® Equal Housing Opportunity™',
      '\tIndented',
      '',
    ];
    for (const s of copy) expect(simpleGraphemes(s), s).toEqual(segment(s));
  });

  it('leaves text that needs the full rules to Intl.Segmenter', () => {
    const complex = [
      'Cafe\u0301', // e + combining acute
      'Nice 👍🏽', // emoji with skin tone (surrogate pairs)
      'Flag 🇺🇸',
      'Family 👨‍👩‍👧', // zero-width joiners
      '한국어', // Hangul syllables are outside the simple set
      'हिन्दी', // Devanagari with virama
      'line\r\nbreak',
      'variation ☺\ufe0f',
    ];
    for (const s of complex) expect(simpleGraphemes(s), s).toBeNull();
  });
});
