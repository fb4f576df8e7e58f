import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../brand/index.js';
import { applyReplaceText } from '../apply-fix.js';
import { runRule, text } from '../test-support/builders.js';
import { fairHousingWording } from './fair-housing-wording.js';
import { bannedPhrases, findPhrase } from './banned-phrases.js';

const kit = {
  ...DEMO_BRAND_KIT,
  bannedPhrases: [
    { id: 'a', phrase: 'walk score', replacement: 'walkable', reason: 'third-party scores need a licence', severity: 'error' as const },
    { id: 'b', phrase: 'steal', replacement: '', severity: 'warning' as const },
  ],
};

describe('brokerage-banned-phrases', () => {
  it('finds a phrase ignoring case, diacritics, punctuation and spacing, at its offset', () => {
    expect(findPhrase('Great WALK-score! And a walk  scoré too.', 'walk score')).toEqual([
      { start: 6, end: 16 },
      { start: 24, end: 35 },
    ]);
    expect(findPhrase('A walkscore of 90', 'walk score')).toEqual([]);
  });

  it('reports each occurrence with its severity and a fix that rewrites only the phrase', () => {
    const findings = runRule(bannedPhrases, [text({ id: 't', text: 'Walk Score 92 — a steal at this price.' })], {}, { brandKit: kit });
    expect(findings.map((f) => [f.severity, f.blocking ?? false, f.span?.text])).toEqual([
      ['error', true, 'Walk Score'],
      ['warning', false, 'steal'],
    ]);
    const fix = findings[0]!.fix!;
    expect(fix.kind === 'replace-text' && applyReplaceText('Walk Score 92 — a steal at this price.', fix)).toBe(
      'walkable 92 — a steal at this price.',
    );
  });

  it('is silent without banned phrases', () => {
    expect(runRule(bannedPhrases, [text({ id: 't', text: 'A steal.' })])).toEqual([]);
  });
});

describe('extra protected classes', () => {
  it('a brokerage protecting source of income gets Section 8 exclusions flagged under the federal pack', () => {
    const objects = [text({ id: 't', text: 'No Section 8 vouchers.' })];
    expect(runRule(fairHousingWording, objects, {}, { rulePacks: ['federal'] })).toEqual([]);
    const withExtra = runRule(
      fairHousingWording,
      objects,
      {},
      { brandKit: { ...DEMO_BRAND_KIT, extraProtectedClasses: ['source-of-income'] }, rulePacks: ['federal'] },
    );
    expect(withExtra.map((f) => [f.severity, f.reason?.protectedClass])).toEqual([['error', 'source-of-income']]);
  });
});
