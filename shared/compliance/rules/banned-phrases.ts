import type { BannedPhrase } from '../../brand/index.js';
import { ordered } from '../design-utils.js';
import { normalizeText } from '../fair-housing/normalize.js';
import { tokenize } from '../fair-housing/phrase-matcher.js';
import { LISTING_REMARKS_TARGET, type Finding, type Rule } from '../types.js';

export const BANNED_PHRASES_RULE_ID = 'brokerage-banned-phrases';

/**
 * Where a banned phrase occurs: word by word, ignoring case, diacritics,
 * punctuation and spacing ("Walk-Score" matches "walk score"). Offsets are
 * in the original text.
 */
export function findPhrase(text: string, phrase: string): { start: number; end: number }[] {
  const want = tokenize(normalizeText(phrase, { emojiWords: false }).text).map((t) => t.norm);
  if (want.length === 0) return [];
  const norm = normalizeText(text, { emojiWords: false });
  const toks = tokenize(norm.text);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + want.length <= toks.length; i++) {
    if (want.every((w, k) => toks[i + k]!.norm === w)) {
      out.push({ start: norm.map[toks[i]!.start]!, end: norm.map[toks[i + want.length - 1]!.end - 1]! + 1 });
      i += want.length - 1;
    }
  }
  return out;
}

export function bannedPhraseFindings(text: string, target: string, objectIds: string[], phrases: readonly BannedPhrase[]): Finding[] {
  const out: Finding[] = [];
  for (const p of phrases) {
    for (const at of findPhrase(text, p.phrase)) {
      const from = text.slice(at.start, at.end);
      const where = target === LISTING_REMARKS_TARGET ? ' in the listing remarks' : '';
      out.push({
        ruleId: BANNED_PHRASES_RULE_ID,
        category: 'compliance',
        severity: p.severity,
        objectIds,
        message: `"${from}"${where} is on the brokerage's list of banned phrases${p.reason ? `: ${p.reason}` : '.'}`,
        fix: {
          kind: 'replace-text',
          objectId: target,
          from,
          to: p.replacement,
          at: at.start,
          label: p.replacement ? `Replace with "${p.replacement}"` : 'Remove the phrase',
        },
        ...(p.severity === 'error' ? { blocking: true } : {}),
        span: { objectId: target, start: at.start, end: at.end, text: from },
      });
    }
  }
  return out;
}

/** The brokerage's own banned phrases (brand kit), in every text object and the listing remarks. */
export const bannedPhrases: Rule = {
  id: BANNED_PHRASES_RULE_ID,
  title: 'Brokerage banned phrases',
  category: 'compliance',
  severity: 'error',
  blocking: true,
  check(design, ctx) {
    const phrases = ctx.brandKit.bannedPhrases;
    if (!phrases?.length) return [];
    const out: Finding[] = [];
    for (const o of ordered(design)) {
      if (o.type !== 'text' || !o.text) continue;
      out.push(...bannedPhraseFindings(o.text, o.id, [o.id], phrases));
    }
    if (ctx.listingRemarks) out.push(...bannedPhraseFindings(ctx.listingRemarks, LISTING_REMARKS_TARGET, [], phrases));
    return out;
  },
};
