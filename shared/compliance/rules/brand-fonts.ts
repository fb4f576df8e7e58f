import { fontRoleOf, kitFont, kitFontFor, numericWeight, primaryFamily, visibleTexts } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * Text uses the kit's fonts: family from the kit (error; fix: the kit font
 * for the text's role — disclaimer/license → disclaimer, headline/price or
 * ≥ 28px → heading, else body), a weight the kit lists for that family
 * (info), and at least the minimum size of the kit font that governs it
 * (the entry for the family it uses; warning).
 */
export const brandFonts: Rule = {
  id: 'brand-fonts',
  title: 'Brand fonts',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const kit = ctx.brandKit;
    const weightsByFamily = new Map<string, Set<number>>();
    for (const f of kit.fonts) {
      const key = f.family.toLowerCase();
      const set = weightsByFamily.get(key) ?? new Set<number>();
      for (const w of f.weights) set.add(w);
      weightsByFamily.set(key, set);
    }
    const out: RuleFinding[] = [];
    for (const o of visibleTexts(design)) {
      const role = fontRoleOf(o);
      const font = kitFont(kit, role);
      const family = primaryFamily(o.fontFamily);
      const weights = weightsByFamily.get(family);
      if (!weights) {
        out.push({
          severity: 'error',
          objectIds: [o.id],
          message: `Font "${o.fontFamily}" is not a brand font; ${role} text uses ${font.family}.`,
          fix: { kind: 'set-props', objectId: o.id, props: { fontFamily: font.family }, label: `Use ${font.family}` },
        });
      } else {
        const w = numericWeight(o.fontWeight);
        if (weights.size > 0 && !weights.has(w)) {
          const nearest = [...weights].sort((a, b) => Math.abs(a - w) - Math.abs(b - w) || a - b)[0]!;
          out.push({
            severity: 'info',
            objectIds: [o.id],
            message: `Weight ${w} of ${o.fontFamily} is not in the brand kit (${[...weights].sort((a, b) => a - b).join(', ')}).`,
            fix: { kind: 'set-props', objectId: o.id, props: { fontWeight: nearest }, label: `Use weight ${nearest}` },
          });
        }
      }
      const governing = kitFontFor(kit, o);
      if (o.fontSize + 1e-9 < governing.minSize) {
        out.push({
          severity: 'warning',
          objectIds: [o.id],
          message: `${o.fontSize}px is below the brand minimum of ${governing.minSize}px for ${governing.role} text.`,
          fix: { kind: 'set-props', objectId: o.id, props: { fontSize: governing.minSize }, label: `Set to ${governing.minSize}px` },
        });
      }
    }
    return out;
  },
};
