import type { RulePack } from '../../brand/index.js';
import { PROTECTED_CLASSES, type ProtectedClass } from './classes.js';
import { ACCEPTABLE_PHRASES, FAIR_HOUSING_TERMS, MACROS, type FairHousingTerm, type TermSeverity } from './lexicon.js';
import { PhraseMatcher, tokenize } from './phrase-matcher.js';

/** One Fair Housing problem found in a piece of text. */
export interface FairHousingMatch {
  termId: string;
  cls: ProtectedClass;
  severity: TermSeverity;
  /** The matched text exactly as written, and where it starts and ends. */
  text: string;
  start: number;
  end: number;
  /** Neutral wording to use instead, cased like the original. */
  suggestion: string;
  advice?: string;
}

// Compiled once at module load.
const TERM_MATCHER = new PhraseMatcher<FairHousingTerm>(
  FAIR_HOUSING_TERMS.flatMap((term) => term.patterns.map((pattern) => ({ pattern, payload: term }))),
  MACROS,
);
const ALLOW_MATCHER = new PhraseMatcher<null>(
  ACCEPTABLE_PHRASES.map((pattern) => ({ pattern, payload: null })),
  MACROS,
);

const termPacks = new Map<FairHousingTerm, readonly RulePack[]>(
  FAIR_HOUSING_TERMS.map((t) => [t, t.packs ?? PROTECTED_CLASSES[t.cls].packs]),
);

const SEVERITY_RANK: Record<TermSeverity, number> = { error: 0, warning: 1 };

function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  const first = original.charAt(0);
  if (first && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Scan text for Fair Housing problems under the given packs (federal always
 * applies). Overlapping matches are resolved to one per span: errors beat
 * warnings, longer beats shorter; anything lying inside an acceptable phrase
 * ("family room", "single-family neighborhood") is dropped. Results are
 * memoised per text and pack set and returned frozen.
 */
export function scanFairHousing(text: string, packs: readonly RulePack[]): readonly FairHousingMatch[] {
  if (!text) return [];
  // Texts rarely change between re-scores: memoise per pack set (bounded).
  const key = packKey(packs);
  let cache = scanCache.get(key);
  if (!cache) scanCache.set(key, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const result = scanUncached(text, packs);
  for (const m of result) Object.freeze(m);
  Object.freeze(result);
  if (cache.size >= SCAN_CACHE_MAX) cache.clear();
  cache.set(text, result);
  return result;
}

const SCAN_CACHE_MAX = 4096;
const scanCache = new Map<string, Map<string, readonly FairHousingMatch[]>>();

function packKey(packs: readonly RulePack[]): string {
  let key = '';
  for (const p of ['CA', 'FL', 'TX'] as const) if (packs.includes(p)) key += p;
  return key;
}

/** The same scan without the memo (for measuring; prefer `scanFairHousing`). */
export function scanFairHousingUncached(text: string, packs: readonly RulePack[]): FairHousingMatch[] {
  return text ? scanUncached(text, packs) : [];
}

function scanUncached(text: string, packs: readonly RulePack[]): FairHousingMatch[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const raw = TERM_MATCHER.scanTokens(tokens);
  if (raw.length === 0) return [];
  const active = new Set<RulePack>(['federal', ...packs]);
  const allowed = ALLOW_MATCHER.scanTokens(tokens);

  const candidates = raw.filter((m) => {
    if (!termPacks.get(m.payload)!.some((p) => active.has(p))) return false;
    return !allowed.some((a) => a.startToken <= m.startToken && a.endToken >= m.endToken);
  });
  // A match strictly inside a longer match is read in the longer one's context
  // ("senior citizens only" is about age, not citizenship).
  const contextual = candidates.filter(
    (m) =>
      !candidates.some(
        (o) =>
          o !== m &&
          o.startToken <= m.startToken &&
          o.endToken >= m.endToken &&
          o.endToken - o.startToken > m.endToken - m.startToken,
      ),
  );
  contextual.sort(
    (a, b) =>
      SEVERITY_RANK[a.payload.severity] - SEVERITY_RANK[b.payload.severity] ||
      b.endToken - b.startToken - (a.endToken - a.startToken) ||
      a.startToken - b.startToken,
  );
  const kept: typeof candidates = [];
  for (const c of contextual) {
    if (kept.some((k) => c.startToken < k.endToken && k.startToken < c.endToken)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((m) => {
    const matched = text.slice(m.start, m.end);
    return {
      termId: m.payload.id,
      cls: m.payload.cls,
      severity: m.payload.severity,
      text: matched,
      start: m.start,
      end: m.end,
      suggestion: matchCase(matched, m.payload.suggestion),
      ...(m.payload.advice ? { advice: m.payload.advice } : {}),
    };
  });
}

/** Number of compiled patterns (for diagnostics). */
export const FAIR_HOUSING_PATTERN_COUNT = TERM_MATCHER.size;
