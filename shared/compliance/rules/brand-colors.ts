import { parseColor } from '../../brand/index.js';
import type { DesignObject } from '../../design/index.js';
import { isVisible, ordered, round2 } from '../design-utils.js';
import { nearestAllowed } from '../kit-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/** ΔE2000 up to PASS is on-brand; up to WARN is a warning; beyond is an error. */
export const COLOR_DELTA_E_PASS = 2;
export const COLOR_DELTA_E_WARN = 5;

const PROPS_BY_TYPE: Record<DesignObject['type'], readonly string[]> = {
  text: ['fill'],
  rect: ['fill', 'stroke'],
  ellipse: ['fill', 'stroke'],
  line: ['stroke'],
  image: [],
};

const PROP_LABEL: Record<string, string> = { fill: 'fill', stroke: 'stroke' };

/** Colours must come from the brand palette (black, white and transparent always allowed). */
export const brandColors: Rule = {
  id: 'brand-colors',
  title: 'Brand palette colors',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    const kit = ctx.brandKit;
    const judge = (value: string, what: string, objectId: string | null, prop: string) => {
      const rgba = parseColor(value);
      if (!rgba) {
        out.push({
          severity: 'warning',
          objectIds: objectId ? [objectId] : [],
          message: `${what} "${value}" is not a color the brand checker understands.`,
        });
        return;
      }
      if (rgba.a === 0) return;
      const nearest = nearestAllowed(kit, value);
      if (!nearest) return;
      const { color, deltaE } = nearest;
      if (deltaE <= COLOR_DELTA_E_PASS) return;
      const severity = deltaE <= COLOR_DELTA_E_WARN ? 'warning' : 'error';
      const label = `Use ${color.name} ${color.hex}`;
      out.push({
        severity,
        objectIds: objectId ? [objectId] : [],
        message: `${what} ${value} is ${severity === 'warning' ? 'close to but not' : 'not'} a brand color (nearest: ${color.name} ${color.hex}, ΔE ${round2(deltaE)}).`,
        fix: objectId
          ? { kind: 'set-props', objectId, props: { [prop]: color.hex }, label }
          : { kind: 'set-meta', props: { [prop]: color.hex }, label },
      });
    };
    judge(design.meta.background, 'Page background', null, 'background');
    for (const o of ordered(design)) {
      if (!isVisible(o)) continue;
      for (const prop of PROPS_BY_TYPE[o.type]) {
        const value = (o as Record<string, unknown>)[prop];
        if (typeof value !== 'string' || value === '') continue;
        if (prop === 'stroke' && (o as { strokeWidth?: number }).strokeWidth === 0) continue;
        const name = o.name ?? o.role ?? o.type;
        judge(value, `${name[0]!.toUpperCase()}${name.slice(1)} ${PROP_LABEL[prop]}`, o.id, prop);
      }
    }
    return out;
  },
};
