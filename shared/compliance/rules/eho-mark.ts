import type { ImageObject } from '../../design/index.js';
import { containsNormalized, isVisible, ordered, placementMargin, topZ, uniqueId } from '../design-utils.js';
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
    for (const o of ordered(design)) {
      if (!isVisible(o)) continue;
      if (o.role === 'eho-logo' || o.role === 'eho-slogan') return [];
      if (o.type === 'image' && o.src && o.src === kit.ehoMark.src) return [];
      if (o.type === 'text' && EHO_SLOGANS.some((s) => containsNormalized(o.text, s))) return [];
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
        objectIds: [],
        message: 'The Equal Housing Opportunity logo or slogan is missing.',
        fix: { kind: 'insert-object', object, label: 'Add the Equal Housing Opportunity logo' },
      },
    ];
  },
};
