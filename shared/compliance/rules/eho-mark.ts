import type { ImageObject } from '../../design/index.js';
import { containsNormalized, isVisible, ordered, placementMargin, topZ, uniqueId } from '../design-utils.js';
import { describeHidden, hiddenReason, type HiddenReason } from '../shown.js';
import type { Rule } from '../types.js';

const EHO_SLOGANS = ['equal housing opportunity', 'equal opportunity housing'];

/**
 * The Equal Housing Opportunity logo (role eho-logo, or an image of the kit's
 * EHO artwork) or slogan (role eho-slogan, or text containing "Equal Housing
 * Opportunity") must appear. Severity comes from the kit.
 */
export const ehoMark: Rule = {
  id: 'eho-mark',
  title: 'Equal Housing Opportunity logo or slogan',
  category: 'compliance',
  severity: 'error',
  check(design, ctx) {
    const kit = ctx.brandKit;
    // One that is there but hidden (covered, off the page, a speck) counts as missing.
    let hidden: { id: string; reason: HiddenReason } | null = null;
    for (const o of ordered(design)) {
      if (!isVisible(o)) continue;
      const isMark =
        o.role === 'eho-logo' ||
        o.role === 'eho-slogan' ||
        (o.type === 'image' && !!o.src && o.src === kit.ehoMark.src) ||
        (o.type === 'text' && EHO_SLOGANS.some((s) => containsNormalized(o.text, s)));
      if (!isMark) continue;
      const reason = hiddenReason(o, design);
      if (reason === null) return [];
      hidden ??= { id: o.id, reason };
    }
    const margin = placementMargin(design);
    const size = Math.round(Math.max(24, Math.min(72, Math.min(design.meta.width, design.meta.height) * 0.07)));
    const object: ImageObject = {
      id: uniqueId(design, 'eho-logo'),
      type: 'image',
      src: kit.ehoMark.src,
      x: Math.max(0, design.meta.width - margin - size),
      y: Math.max(0, design.meta.height - margin - size),
      width: size,
      height: size,
      angle: 0,
      z: topZ(design),
      role: 'eho-logo',
      fit: 'contain',
    };
    return [
      {
        severity: kit.ehoMark.severity,
        objectIds: hidden ? [hidden.id] : [],
        message: hidden
          ? `The Equal Housing Opportunity logo or slogan ${describeHidden(hidden.reason)}, so it does not count.`
          : 'The Equal Housing Opportunity logo or slogan is missing.',
        fix: { kind: 'insert-object', object, label: 'Add the Equal Housing Opportunity logo' },
      },
    ];
  },
};
