import { describe, expect, it } from 'vitest';
import { compilePattern, PhraseMatcher, stem, tokenize } from './phrase-matcher.js';

describe('tokenize', () => {
  it('splits on punctuation, hyphens and spaces and keeps offsets', () => {
    const toks = tokenize("No-kids!  Children's  room; don't");
    expect(toks.map((t) => [t.norm, t.stem, t.start, t.end])).toEqual([
      ['no', 'no', 0, 2],
      ['kids', 'kid', 3, 7],
      ['children', 'child', 10, 20],
      ['room', 'room', 22, 26],
      ['dont', 'dont', 28, 33],
    ]);
  });
  it('keeps numbers and a plus sign', () => {
    expect(tokenize('55+ community').map((t) => [t.norm, t.isNumber])).toEqual([
      ['55', true],
      ['+', false],
      ['community', false],
    ]);
  });
});

describe('stem', () => {
  it.each([
    ['kids', 'kid'],
    ['children', 'child'],
    ['families', 'family'],
    ['couples', 'coupl'],
    ['couple', 'coupl'],
    ['preferred', 'prefer'],
    ['prefers', 'prefer'],
    ['preferring', 'prefer'],
    ['married', 'marry'],
    ['speakers', 'speaker'],
    ['handicapped', 'handicap'],
    ['wheelchairs', 'wheelchair'],
    ['kidding', 'kidding'],
    ['bus', 'bus'],
    ['need', 'need'],
    ['55', '55'],
  ])('%s → %s', (w, s) => expect(stem(w)).toBe(s));
});

describe('pattern syntax', () => {
  const match = (pattern: string, text: string, macros: Record<string, string> = {}) =>
    new PhraseMatcher([{ pattern, payload: 1 }], macros).scan(text).map((m) => text.slice(m.start, m.end));

  it.each([
    ['no kids', 'No kids!', ['No kids']],
    ['no kids', 'NO-KIDS', ['NO-KIDS']],
    ['no kids', 'no  kid', ['no  kid']],
    ['no kids', 'no kidding', []],
    ['no [young|small] kids', 'no young kids', ['no young kids']],
    ['no [young|small] kids', 'no kids', ['no kids']],
    ['[strictly] adults only', 'Strictly adults only', ['Strictly adults only', 'adults only']],
    ['[strictly] adults only', 'adults only', ['adults only']],
    ['(do not|dont) allow pets', "We don't allow pets", ["don't allow pets"]],
    ['(do not|dont) allow pets', 'We do not allow pets', ['do not allow pets']],
    ['(|really) nice', 'a really nice day', ['really nice', 'nice']],
    ['no ~2 kids', 'no small young kids', ['no small young kids']],
    ['no ~2 kids', 'no one two three kids', []],
    ['family !room', 'family room', []],
    ['family !room', 'family home', ['family']],
    ['family !room', 'the family', ['family']],
    ['# + community', '55+ community', ['55+ community']],
    ['* only', 'adults only', ['adults only']],
    ['no $kids', 'no teenagers', ['no teenagers']],
  ])('%j on %j', (pattern, text, expected) => {
    expect(match(pattern, text, { kids: 'kid|child|teenager' })).toEqual(expected);
  });

  it('rejects malformed patterns', () => {
    expect(() => compilePattern('~2 kids', 1)).toThrow();
    expect(() => compilePattern('!kids', 1)).toThrow();
    expect(() => compilePattern('(no kids', 1)).toThrow();
    expect(() => compilePattern('no $missing', 1)).toThrow();
  });
});
