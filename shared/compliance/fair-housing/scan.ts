import type { RulePack } from '../../brand/index.js';
import type { ProtectedClass } from './classes.js';
import { classesForPacks } from './protection.js';
import { detectClauses, type IntentKind } from './clause-detector.js';
import { ACCEPTABLE_PHRASES, FAIR_HOUSING_TERMS, MACROS, type FairHousingTerm, type TermSeverity } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { PhraseMatcher, tokenize, type Token } from './phrase-matcher.js';

/** Lexicon tokens read from the normalised text ("#AdultsOnly", "adu1ts 0nly"), with offsets into the original. */
function lexiconTokens(text: string): Token[] {
  const norm = normalizeText(text);
  return tokenize(norm.text).map((t) => ({ ...t, start: norm.map[t.start]!, end: norm.map[t.end - 1]! + 1 }));
}

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
  /** Why the clause detectors flagged it: the group mentioned and the intent words (absent for lexicon phrases). */
  reason?: FairHousingReason;
}

export interface FairHousingReason {
  group: string;
  groupStart: number;
  intent: string;
  intentKind: IntentKind;
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
export function scanFairHousing(
  text: string,
  packs: readonly RulePack[],
  extraClasses: readonly ProtectedClass[] = [],
): readonly FairHousingMatch[] {
  if (!text) return [];
  // Texts rarely change between re-scores: memoise per pack set (bounded).
  const key = packKey(packs, extraClasses);
  let cache = scanCache.get(key);
  if (!cache) scanCache.set(key, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const result = scanUncached(text, packs, extraClasses);
  for (const m of result) Object.freeze(m);
  Object.freeze(result);
  if (cache.size >= SCAN_CACHE_MAX) cache.clear();
  cache.set(text, result);
  return result;
}

const SCAN_CACHE_MAX = 4096;
const scanCache = new Map<string, Map<string, readonly FairHousingMatch[]>>();

const packKeys = new Map<string, string>();
function packKey(packs: readonly RulePack[], extra: readonly ProtectedClass[]): string {
  // The protected classes decide the result, so packs that protect the same classes share a cache.
  const id = `${packs.join(',')}|${extra.join(',')}`;
  let key = packKeys.get(id);
  if (key === undefined) {
    key = [...protectedUnder(packs, extra)].sort().join(',');
    if (packKeys.size > 256) packKeys.clear();
    packKeys.set(id, key);
  }
  return key;
}

/** The same scan without the memo (for measuring; prefer `scanFairHousing`). */
export function scanFairHousingUncached(
  text: string,
  packs: readonly RulePack[],
  extraClasses: readonly ProtectedClass[] = [],
): FairHousingMatch[] {
  return text ? scanUncached(text, packs, extraClasses) : [];
}

function protectedUnder(packs: readonly RulePack[], extra: readonly ProtectedClass[]): Set<ProtectedClass> {
  const out = classesForPacks(packs);
  for (const c of extra) out.add(c);
  return out;
}

interface Candidate {
  start: number;
  end: number;
  cls: ProtectedClass;
  severity: TermSeverity;
  termId: string;
  suggestion: string;
  advice?: string;
  reason?: FairHousingReason;
}

// A 55+ statement that states its HOPA basis is not a preference for older people.
const HOPA_RE =
  /\bhopa\b|housing for older persons|(?:62|55)\s*(?:\+|and (?:older|over)|or (?:older|over))[^.]*\bhud\b|\bhud\b[^.]*(?:62|55)\s*(?:\+|and (?:older|over)|or (?:older|over))/i;
const AGE_QUALIFIED_TERMS = new Set(['fs-older-persons']);
/**
 * Shared living: someone advertising for a roommate in the home they live in
 * may state a sex preference (HUD's long-standing position on shared
 * living; Fair Housing Council v. Roommate.com, 9th Cir. 2012).
 */
const SHARED_LIVING_RE =
  /\b(?:room ?mates?|house ?mates?|flat ?mates?|share (?:my|our|the|a|this) (?:home|house|apartment|apt|flat|condo|unit|townhouse|place|kitchen|bath(?:room)?)|(?:home|house|apartment|place) I live in)\b/i;

function scanUncached(text: string, packs: readonly RulePack[], extraClasses: readonly ProtectedClass[]): FairHousingMatch[] {
  const tokens = lexiconTokens(text);
  if (tokens.length === 0) return [];
  const active = new Set<RulePack>(['federal', ...packs]);
  const protectedClasses = protectedUnder(packs, extraClasses);
  const allowed = ALLOW_MATCHER.scanTokens(tokens);
  // A group word that is part of an acceptable phrase ("white family room", "child support") names no one.
  const touchesAllowed = (start: number, end: number) => allowed.some((a) => a.start < end && start < a.end);
  const hopa = HOPA_RE.test(text);
  const sharedLiving = SHARED_LIVING_RE.test(text);

  // 1. The phrase lexicon (HUD's and the states' standalone terms and fixed phrases).
  const raw = TERM_MATCHER.scanTokens(tokens).filter((m) => {
    // A term with its own packs applies under those; the others wherever their class is protected (packs or the brokerage's extra classes).
    if (m.payload.packs ? !m.payload.packs.some((p) => active.has(p)) : !protectedClasses.has(m.payload.cls)) return false;
    // Inside an acceptable phrase, or ending where one begins ("no child" of "no child support payments").
    return !allowed.some(
      (a) =>
        (a.startToken <= m.startToken && a.endToken >= m.endToken) ||
        (a.startToken > m.startToken && a.startToken < m.endToken && a.endToken > m.endToken),
    );
  });
  // A match strictly inside a longer match is read in the longer one's context
  // ("senior citizens only" is about age, not citizenship).
  const lexical = raw.filter(
    (m) =>
      !raw.some(
        (o) => o !== m && o.startToken <= m.startToken && o.endToken >= m.endToken && o.endToken - o.startToken > m.endToken - m.startToken,
      ),
  );

  // 2. The clause detectors (group mention × intent, with negation scope).
  const clause = detectClauses(text);
  const inclusive = (start: number, end: number) => clause.inclusiveSpans.some((s) => s.start <= start && s.end >= end);

  const candidates: Candidate[] = [];
  for (const m of lexical) {
    if (inclusive(m.start, m.end)) continue;
    if (sharedLiving && m.payload.cls === 'sex') continue;
    if (clause.welcomesEveryone && m.payload.severity === 'warning') continue;
    if (hopa && AGE_QUALIFIED_TERMS.has(m.payload.id)) continue;
    candidates.push({
      start: m.start,
      end: m.end,
      cls: m.payload.cls,
      severity: m.payload.severity,
      termId: m.payload.id,
      suggestion: m.payload.suggestion,
      ...(m.payload.advice ? { advice: m.payload.advice } : {}),
    });
  }
  for (const f of clause.findings) {
    if (!protectedClasses.has(f.cls)) continue;
    if (touchesAllowed(f.group.start, f.group.end)) continue;
    if (sharedLiving && f.cls === 'sex') continue;
    if (clause.welcomesEveryone && f.severity === 'warning') continue;
    if (hopa && (f.cls === 'age' || f.cls === 'familial-status') && f.severity === 'warning') continue;
    candidates.push({
      start: f.start,
      end: f.end,
      cls: f.cls,
      severity: f.severity,
      termId: `clause-${f.cls}-${f.intent.kind}`,
      suggestion: f.suggestion,
      reason: { group: f.group.text, groupStart: f.group.start, intent: f.intent.text, intentKind: f.intent.kind },
    });
  }

  // One finding per span: errors beat warnings, longer beats shorter, then the earlier one.
  candidates.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((m) => {
    const matched = text.slice(m.start, m.end);
    return {
      termId: m.termId,
      cls: m.cls,
      severity: m.severity,
      text: matched,
      start: m.start,
      end: m.end,
      suggestion: matchCase(matched, m.suggestion),
      ...(m.advice ? { advice: m.advice } : {}),
      ...(m.reason ? { reason: m.reason } : {}),
    };
  });
}

/** Number of compiled patterns (for diagnostics). */
export const FAIR_HOUSING_PATTERN_COUNT = TERM_MATCHER.size;
