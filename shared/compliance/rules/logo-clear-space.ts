import { bounds, contains, describeObject, intersects, isBackgroundLike, isVisible, ordered, pageOf, type Box } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';
import { placedLogos } from './logo-usage.js';

/**
 * Nothing may intrude into a logo's clear space: the logo's box expanded on
 * every side by clearSpace × its height. Ignored: backgrounds (role
 * background/decoration, or covering the page) and backdrops (objects
 * stacked below the logo that contain the whole clear-space box, e.g. a
 * header band the logo sits on), and objects on other pages.
 */
export const logoClearSpace: Rule = {
  id: 'logo-clear-space',
  title: 'Logo clear space',
  category: 'brand',
  severity: 'warning',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    const all = ordered(design);
    for (const { object: logo, logo: kitLogo, drawnHeight } of placedLogos(design, ctx)) {
      if (!kitLogo || kitLogo.clearSpace <= 0) continue;
      const b = bounds(logo);
      const pad = kitLogo.clearSpace * drawnHeight;
      const zone: Box = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
      const logoIndex = all.indexOf(logo);
      const intruders: (typeof all)[number][] = [];
      all.forEach((o, i) => {
        if (o === logo || pageOf(o) !== pageOf(logo) || !isVisible(o) || isBackgroundLike(o, design)) return;
        const ob = bounds(o);
        if (!intersects(ob, zone)) return;
        if (i < logoIndex && contains(ob, zone, 0.5)) return;
        intruders.push(o);
      });
      for (const o of intruders) {
        out.push({
          severity: 'warning',
          objectIds: [logo.id, o.id],
          message: `${describeObject(o)} is inside the ${kitLogo.name}'s clear space (${Math.round(pad)}px around the logo).`,
        });
      }
    }
    return out;
  },
};
