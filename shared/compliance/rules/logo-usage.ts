import type { BrandLogo } from '../../brand/index.js';
import type { Design, ImageObject } from '../../design/index.js';
import { isVisible, ordered, round2 } from '../design-utils.js';
import type { Rule, RuleContext, RuleFinding } from '../types.js';

/** Allowed deviation of placed aspect ratio from the artwork's. */
export const LOGO_ASPECT_TOLERANCE = 0.01;

export interface PlacedLogo {
  object: ImageObject;
  logo: BrandLogo | undefined;
  /** Drawn size of the artwork (a `contain` fit letterboxes it inside the box). */
  drawnWidth: number;
  drawnHeight: number;
}

/** Logos in the design: images with role logo, or whose src is a kit logo. */
export function placedLogos(design: Design, ctx: RuleContext): PlacedLogo[] {
  const out: PlacedLogo[] = [];
  for (const o of ordered(design)) {
    if (o.type !== 'image' || !isVisible(o)) continue;
    const logo = ctx.brandKit.logos.find((l) => l.src === o.src);
    if (o.role !== 'logo' && !logo) continue;
    let drawnWidth = o.width;
    let drawnHeight = o.height;
    if (logo && o.fit === 'contain' && o.height > 0) {
      if (o.width / o.height > logo.aspect) drawnWidth = o.height * logo.aspect;
      else drawnHeight = o.width / logo.aspect;
    }
    out.push({ object: o, logo, drawnWidth, drawnHeight });
  }
  return out;
}

/**
 * Logos are approved artwork (src among the kit's logos), not distorted
 * (placed aspect within 1% of the artwork's, unless fit is `contain`), and
 * not smaller than the logo's minimum width.
 */
export const logoUsage: Rule = {
  id: 'logo-usage',
  title: 'Logo artwork, proportions and size',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const kit = ctx.brandKit;
    const out: RuleFinding[] = [];
    for (const { object: o, logo, drawnWidth } of placedLogos(design, ctx)) {
      if (!logo) {
        const primary = kit.logos[0];
        out.push({
          severity: 'error',
          objectIds: [o.id],
          message: `This logo is not approved brand artwork${o.src ? ` (${o.src})` : ''}.`,
          ...(primary
            ? {
                fix: {
                  kind: 'set-props' as const,
                  objectId: o.id,
                  props: { src: primary.src, height: round2(o.width / primary.aspect) },
                  label: `Use the ${primary.name}`,
                },
              }
            : {}),
        });
        continue;
      }
      if (o.fit !== 'contain' && o.height > 0) {
        const placed = o.width / o.height;
        if (Math.abs(placed / logo.aspect - 1) > LOGO_ASPECT_TOLERANCE) {
          out.push({
            severity: 'error',
            objectIds: [o.id],
            message: `The ${logo.name} is stretched (placed ${round2(placed)}:1, artwork ${round2(logo.aspect)}:1).`,
            fix: { kind: 'set-props', objectId: o.id, props: { height: round2(o.width / logo.aspect) }, label: 'Restore proportions' },
          });
        }
      }
      if (drawnWidth + 1e-9 < logo.minWidth) {
        out.push({
          severity: 'error',
          objectIds: [o.id],
          message: `The ${logo.name} is ${round2(drawnWidth)}px wide; the minimum is ${logo.minWidth}px.`,
          fix: {
            kind: 'set-props',
            objectId: o.id,
            props: { width: logo.minWidth, height: round2(logo.minWidth / logo.aspect) },
            label: `Enlarge to ${logo.minWidth}px`,
          },
        });
      }
    }
    return out;
  },
};
