import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../../brand/index.js';
import { DISABILITY_PREFERENCE_OK, GROUP_LEXICON } from './groups.js';
import { scanFairHousing } from './scan.js';

/**
 * Every class, every group term, the same intent templates: no class can lag
 * another by construction. Exclusions must be errors; preferences must be
 * flagged (a warning for the terms the lexicon marks soft, e.g. "families",
 * "seniors"), except for groups a preference is fine for (accessibility for
 * wheelchair users).
 */
const ALL = [...RULE_PACKS];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const NOUN_EXCLUSIONS = [
  (n: string) => `No ${n}.`,
  (n: string) => `${cap(n)} are not allowed.`,
  (n: string) => `${cap(n)} will not be accepted.`,
  (n: string) => `We do not rent to ${n}.`,
  (n: string) => `${cap(n)} need not apply.`,
  (n: string) => `Sorry, ${n} cannot be considered.`,
  (n: string) => `${cap(n)} will not be considered.`,
  (n: string) => `Not a good fit for ${n}.`,
  (n: string) => `${cap(n)} should look elsewhere.`,
  (n: string) => `We cannot accommodate ${n}.`,
  (n: string) => `Unfortunately ${n} are not accepted here.`,
  // The group asked about, the exclusion in the next clause; a negated open preference.
  (n: string) => `${cap(n)}? Not here.`,
  (n: string) => `This isn't the right place for ${n}.`,
];
const NOUN_PREFERENCES = [
  (n: string) => `Perfect for ${n}.`,
  (n: string) => `${cap(n)} preferred.`,
  (n: string) => `Ideal for ${n}.`,
  (n: string) => `Great home for ${n}!`,
  (n: string) => `Seeking ${n} only.`,
  // A limited verb phrase and its recipient.
  (n: string) => `We will only rent the unit to ${n}.`,
];
const ADJ_EXCLUSIONS = [
  (a: string) => `No ${a} tenants.`,
  (a: string) => `${cap(a)} applicants will not be considered.`,
  (a: string) => `We won't rent to ${a} people.`,
  (a: string) => `${cap(a)} buyers should look elsewhere.`,
  (a: string) => `Not a good fit for ${a} tenants.`,
  (a: string) => `${cap(a)}? Not in this building.`,
  (a: string) => `This isn't the building for ${a} tenants.`,
];
const ADJ_PREFERENCES = [
  (a: string) => `Perfect for a ${a} couple.`,
  (a: string) => `${cap(a)} tenants only.`,
  (a: string) => `Ideal for a ${a} family.`,
  (a: string) => `Great for a ${a} professional.`,
  (a: string) => `Perfect place for a ${a} person.`,
  (a: string) => `Seeking ${a} renters.`,
  (a: string) => `Owner will only lease the cottage to ${a} tenants.`,
];

interface Case {
  cls: string;
  text: string;
  expect: 'error' | 'flag';
}

const cases: Case[] = [];
for (const g of GROUP_LEXICON) {
  const soft = new Set(g.soft ?? []);
  for (const n of g.nouns.filter((x) => !x.includes('#'))) {
    for (const t of NOUN_EXCLUSIONS) cases.push({ cls: g.cls, text: t(n), expect: 'error' });
    if (g.cls !== 'disability')
      for (const t of NOUN_PREFERENCES) cases.push({ cls: g.cls, text: t(n), expect: soft.has(n) ? 'flag' : 'error' });
  }
  for (const a of g.adjectives) {
    for (const t of ADJ_EXCLUSIONS) cases.push({ cls: g.cls, text: t(a), expect: 'error' });
    if (!(g.cls === 'disability' && DISABILITY_PREFERENCE_OK.has(a)))
      for (const t of ADJ_PREFERENCES) cases.push({ cls: g.cls, text: t(a), expect: soft.has(a) ? 'flag' : 'error' });
  }
}

describe('symmetric intent templates for every protected class', () => {
  // One test per class keeps each well inside the timeout on a loaded machine.
  it.each([...new Set(cases.map((c) => c.cls))])('flags every generated sentence for %s', (cls) => {
    const failures = cases.filter((c) => {
      if (c.cls !== cls) return false;
      const found = scanFairHousing(c.text, ALL);
      return c.expect === 'error' ? !found.some((f) => f.severity === 'error') : found.length === 0;
    });
    expect(failures.map((f) => `${f.cls}: ${f.text}`)).toEqual([]);
  });

  it('generates the same templates for every class', () => {
    expect(cases.length).toBeGreaterThan(10_000);
  });

  it('covers every class with nouns and adjectives', () => {
    for (const g of GROUP_LEXICON) {
      expect(g.nouns.length, g.cls).toBeGreaterThan(3);
      expect(g.adjectives.length, g.cls).toBeGreaterThan(3);
    }
  });
});
