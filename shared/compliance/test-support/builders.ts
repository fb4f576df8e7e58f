/**
 * Builders for the compliance tests (test support, not product code): terse
 * constructors that fill in the model's defaults.
 */
import { DEMO_BRAND_KIT, type BrandKit } from '../../brand/index.js';
import type { Design, DesignObject, EllipseObject, ImageObject, LineObject, RectObject, TextObject } from '../../design/index.js';
import type { RuleContext } from '../types.js';

let seq = 0;
function nextZ(): string {
  seq++;
  return `a${String(seq).padStart(6, '0')}`;
}

type Partial2<T extends DesignObject> = Partial<Omit<T, 'type'>> & { id: string };

export function text(p: Partial2<TextObject>): TextObject {
  return {
    type: 'text',
    x: 40,
    y: 40,
    width: 400,
    height: 40,
    angle: 0,
    z: nextZ(),
    text: '',
    fontFamily: 'Open Sans',
    fontSize: 16,
    fontWeight: 400,
    fill: '#1f3a5f',
    textAlign: 'left',
    ...p,
  };
}
export function rect(p: Partial2<RectObject>): RectObject {
  return { type: 'rect', x: 0, y: 0, width: 100, height: 100, angle: 0, z: nextZ(), fill: '#1f3a5f', ...p };
}
export function ellipse(p: Partial2<EllipseObject>): EllipseObject {
  return { type: 'ellipse', x: 0, y: 0, width: 100, height: 100, angle: 0, z: nextZ(), fill: '#1f3a5f', ...p };
}
export function image(p: Partial2<ImageObject>): ImageObject {
  return { type: 'image', x: 0, y: 0, width: 100, height: 100, angle: 0, z: nextZ(), src: '/photos/1.jpg', ...p };
}
export function line(p: Partial2<LineObject>): LineObject {
  return { type: 'line', x: 0, y: 0, width: 100, height: 2, angle: 0, z: nextZ(), stroke: '#1f3a5f', strokeWidth: 2, ...p };
}

export function design(objects: DesignObject[], meta: Partial<Design['meta']> = {}): Design {
  return {
    meta: { title: 'Test', kind: 'social-post', width: 1080, height: 1080, background: '#ffffff', ...meta },
    objects: Object.fromEntries(objects.map((o) => [o.id, o])),
  };
}

/** A design that passes the compliance rules under the demo kit (federal + TX). */
export function compliantObjects(): DesignObject[] {
  return [
    text({
      id: 'headline',
      role: 'headline',
      text: 'Just listed',
      fontFamily: 'Montserrat',
      fontSize: 48,
      fontWeight: 700,
      x: 60,
      y: 60,
      width: 900,
      height: 70,
    }),
    text({ id: 'agent', role: 'agent-name', text: 'Jane Agent', fontSize: 24, x: 60, y: 800, width: 400, height: 32 }),
    text({ id: 'brokerage', role: 'brokerage-name', text: 'Demo Realty, LLC', fontSize: 14, x: 60, y: 840, width: 400, height: 20 }),
    text({
      id: 'disclaimer',
      role: 'disclaimer',
      fontSize: 10,
      x: 60,
      y: 1000,
      width: 960,
      height: 14,
      text: 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.',
    }),
  ];
}

export function ctx(over: Partial<RuleContext> = {}, kit: BrandKit = DEMO_BRAND_KIT): RuleContext {
  return { brandKit: kit, rulePacks: kit.rulePacks, ...over };
}

/** Run one rule over objects (page meta and context overridable) and return its findings. */
export function runRule(
  rule: { check: (d: Design, c: RuleContext) => import('../types.js').RuleFinding[] },
  objects: DesignObject[],
  meta: Partial<Design['meta']> = {},
  over: Partial<RuleContext> = {},
) {
  return rule.check(design(objects, meta), ctx(over));
}
