import type { RulePack } from '../../brand/index.js';
import { PROTECTED_CLASSES, type ProtectedClass } from '../fair-housing/classes.js';

const NONE: readonly ProtectedClass[] = [];
import { scanFairHousing } from '../fair-housing/scan.js';
import { ordered } from '../design-utils.js';
import { LISTING_REMARKS_TARGET, type Finding, type Rule } from '../types.js';

export const FAIR_HOUSING_RULE_ID = 'fair-housing-wording';

/**
 * Findings for one piece of text. `target` is the object id the replace-text
 * fix applies to (or a pseudo id such as `@text`); `objectIds` is what the
 * finding points at in the design (empty for text outside the design).
 */
export function fairHousingTextFindings(
  text: string,
  target: string,
  objectIds: string[],
  packs: readonly RulePack[],
  extraClasses: readonly ProtectedClass[] = [],
): Finding[] {
  const where = target === LISTING_REMARKS_TARGET ? ' in the listing remarks' : '';
  return scanFairHousing(text, packs, extraClasses).map((m) => {
    const cls = PROTECTED_CLASSES[m.cls].label;
    const why = m.reason ? ` (group: "${m.reason.group}"; ${m.reason.intentKind}: "${m.reason.intent}")` : '';
    const message =
      m.severity === 'error'
        ? `"${m.text}"${where}${why} states a preference, limitation or exclusion based on ${cls} (Fair Housing). Describe the property, not who should live there — e.g. "${m.suggestion}".`
        : `"${m.text}"${where}${why} can signal a preference based on ${cls} (Fair Housing). ${m.advice ?? `Consider "${m.suggestion}".`}`;
    return {
      ruleId: FAIR_HOUSING_RULE_ID,
      category: 'compliance' as const,
      severity: m.severity,
      objectIds,
      message,
      fix: {
        kind: 'replace-text' as const,
        objectId: target,
        from: m.text,
        to: m.suggestion,
        at: m.start,
        label: `Replace with "${m.suggestion}"`,
      },
      ...(m.severity === 'error' ? { blocking: true } : {}),
      span: { objectId: target, start: m.start, end: m.end, text: m.text },
      reason: m.reason
        ? { protectedClass: m.cls, group: m.reason.group, intent: m.reason.intent, intentKind: m.reason.intentKind }
        : { protectedClass: m.cls, group: m.text, intent: m.termId, intentKind: 'listed-term' as const },
    };
  });
}

/** Fair Housing wording in every text object (hidden ones too: they can be shown) and the listing remarks. */
export const fairHousingWording: Rule = {
  id: FAIR_HOUSING_RULE_ID,
  title: 'Fair Housing wording',
  category: 'compliance',
  severity: 'error',
  blocking: true,
  check(design, ctx) {
    const out: Finding[] = [];
    const extra = ctx.brandKit.extraProtectedClasses ?? NONE;
    for (const o of ordered(design)) {
      if (o.type !== 'text' || !o.text) continue;
      out.push(...fairHousingTextFindings(o.text, o.id, [o.id], ctx.rulePacks, extra));
    }
    if (ctx.listingRemarks) out.push(...fairHousingTextFindings(ctx.listingRemarks, LISTING_REMARKS_TARGET, [], ctx.rulePacks, extra));
    return out;
  },
};
