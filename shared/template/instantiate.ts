import { DesignSchema, type Design, type DesignObject } from '../design/index.js';
import type { BrandKit, BrandFont } from '../brand/index.js';
import { contrastRatio, relativeLuminance } from './color.js';
import type { Template, TemplateDesign } from './schema.js';
import { COLOR_TOKEN_RE, FONT_TOKEN_RE, SRC_TOKEN_RE, TEXT_TOKEN_ANY_RE, type ColorSlot } from './tokens.js';

export type TemplateErrorCode = 'unresolved-token' | 'invalid-design';

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Used only when a kit has no disclaimer at all: a template must never print an empty one. */
export const FALLBACK_DISCLAIMER = 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.';

const WHITE = '#ffffff';
const BLACK = '#000000';

function paletteHex(kit: BrandKit, index: number): string | undefined {
  return kit.palette[index]?.hex;
}

/** The kit colour for a palette slot, with the documented fallbacks. */
export function paletteSlotColor(kit: BrandKit, slot: ColorSlot): string {
  const primary = kit.palette[0]!.hex;
  switch (slot) {
    case 'primary':
      return primary;
    case 'accent':
      return paletteHex(kit, 1) ?? primary;
    case 'neutral':
      return paletteHex(kit, 2) ?? darkest(kit);
    case 'light': {
      const own = paletteHex(kit, 3);
      if (own) return own;
      const lightest = [...kit.palette].sort((a, b) => relativeLuminance(b.hex) - relativeLuminance(a.hex))[0]!.hex;
      return relativeLuminance(lightest) > 0.75 ? lightest : WHITE;
    }
    case 'highlight':
      return paletteHex(kit, 4) ?? paletteSlotColor(kit, 'accent');
  }
}

function darkest(kit: BrandKit): string {
  return [...kit.palette].sort((a, b) => relativeLuminance(a.hex) - relativeLuminance(b.hex))[0]!.hex;
}

/** Ink that reads on `background`: white if it passes AA, else the kit's darkest colour if it does, else black. */
export function readableInkOn(kit: BrandKit, background: string): string {
  if (contrastRatio(WHITE, background) >= 4.5) return WHITE;
  const dark = darkest(kit);
  if (contrastRatio(dark, background) >= 4.5) return dark;
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}

/** Resolves a colour token; any other value is returned unchanged. */
export function resolveColorToken(value: string, kit: BrandKit): string {
  if (!COLOR_TOKEN_RE.test(value)) return value;
  const [, group, name] = /^\$(color|on|palette)\.(.+)$/.exec(value)!;
  if (group === 'palette') return kit.palette.find((p) => p.name === name)?.hex ?? kit.palette[0]!.hex;
  const color = paletteSlotColor(kit, name as ColorSlot);
  return group === 'on' ? readableInkOn(kit, color) : color;
}

export function kitFontForRole(kit: BrandKit, role: string): BrandFont {
  return kit.fonts.find((f) => f.role === role) ?? kit.fonts.find((f) => f.role === 'body') ?? kit.fonts[0]!;
}

function nearestWeight(weight: number | string, weights: readonly number[]): number | string {
  const w = typeof weight === 'number' ? weight : weight === 'bold' ? 700 : weight === 'normal' ? 400 : Number(weight);
  if (!Number.isFinite(w) || weights.length === 0) return weight;
  // Nearest available weight; ties go to the heavier one so emphasis survives.
  return [...weights].sort((a, b) => Math.abs(a - w) - Math.abs(b - w) || b - a)[0]!;
}

/** Resolves an image-source token; any other value is returned unchanged. */
export function resolveSrcToken(value: string, kit: BrandKit): string {
  if (!SRC_TOKEN_RE.test(value)) return value;
  if (value === '$eho') return kit.ehoMark.src;
  const id = value.slice('$logo.'.length);
  return (kit.logos.find((l) => l.id === id) ?? kit.logos[0])?.src ?? '';
}

/** Disclaimers that apply under the kit's rule packs (federal always applies). */
export function applicableDisclaimers(kit: BrandKit): BrandKit['disclaimers'] {
  return kit.disclaimers.filter((d) => d.pack === 'federal' || kit.rulePacks.includes(d.pack));
}

function disclaimerText(kit: BrandKit, id: string): string {
  const all = applicableDisclaimers(kit);
  const joined = all.map((d) => d.text.trim()).join(' ');
  if (id === 'all') return joined || FALLBACK_DISCLAIMER;
  const own = kit.disclaimers.find((d) => d.id === id) ?? kit.disclaimers.find((d) => d.id === 'general');
  return own?.text ?? (joined || FALLBACK_DISCLAIMER);
}

/** Replaces `{{brokerage.legalName}}` and `{{disclaimer.<id>}}` placeholders; unknown ones are left as they are. */
export function resolveTextTokens(text: string, kit: BrandKit): string {
  return text.replace(TEXT_TOKEN_ANY_RE, (whole, name: string) => {
    if (name === 'brokerage.legalName') return kit.brokerageLegalName;
    if (name.startsWith('disclaimer.')) return disclaimerText(kit, name.slice('disclaimer.'.length));
    return whole;
  });
}

export interface TokenUse {
  /** Object id, or null for `meta`. */
  objectId: string | null;
  property: string;
  token: string;
}

/**
 * Every token in a design (template or instantiated). On an instantiated
 * design an empty list means everything resolved.
 */
export function listTemplateTokens(design: TemplateDesign | Design): TokenUse[] {
  const uses: TokenUse[] = [];
  if (design.meta.background.startsWith('$')) uses.push({ objectId: null, property: 'background', token: design.meta.background });
  for (const object of Object.values(design.objects) as Record<string, unknown>[]) {
    const id = String(object.id);
    for (const property of ['fill', 'stroke', 'fontFamily', 'src'] as const) {
      const value = object[property];
      if (typeof value === 'string' && value.startsWith('$')) uses.push({ objectId: id, property, token: value });
    }
    if (typeof object.text === 'string') {
      for (const m of object.text.matchAll(TEXT_TOKEN_ANY_RE)) uses.push({ objectId: id, property: 'text', token: m[0] });
    }
  }
  return uses;
}

export interface InstantiateOptions {
  title?: string;
}

function resolveObject(object: TemplateDesign['objects'][string], kit: BrandKit): DesignObject {
  switch (object.type) {
    case 'text': {
      const out = { ...object, text: resolveTextTokens(object.text, kit), fill: resolveColorToken(object.fill, kit) };
      const m = FONT_TOKEN_RE.exec(object.fontFamily);
      if (m) {
        const font = kitFontForRole(kit, object.fontFamily.slice('$font.'.length));
        out.fontFamily = font.family;
        out.fontWeight = nearestWeight(object.fontWeight, font.weights);
        out.fontSize = Math.max(object.fontSize, font.minSize);
      }
      return out;
    }
    case 'image':
      return { ...object, src: resolveSrcToken(object.src, kit) };
    case 'rect':
    case 'ellipse':
      return {
        ...object,
        fill: resolveColorToken(object.fill, kit),
        ...(object.stroke ? { stroke: resolveColorToken(object.stroke, kit) } : {}),
      };
    case 'line':
      return { ...object, stroke: resolveColorToken(object.stroke, kit) };
  }
}

/**
 * A new, plain design from a template restyled by a brand kit: every token
 * resolved, `meta.templateId` / `templateVersion` set. Pure; the template is
 * not changed.
 */
export function instantiateTemplate(template: Template, kit: BrandKit, options: InstantiateOptions = {}): Design {
  const src = template.design;
  const objects: Record<string, DesignObject> = {};
  for (const [id, object] of Object.entries(src.objects)) {
    const o = resolveObject(structuredClone(object), kit);
    // Sample content is marked in the template (`sampleText`, kept as it is); templates saved before the
    // marks: bound copy is sample text. Either way it never prints until real data or the person replaces it.
    objects[id] = o.type === 'text' && o.sampleText === undefined && o.binding && o.text.trim() ? { ...o, sampleText: o.text } : o;
  }
  const design: Design = {
    meta: {
      ...src.meta,
      title: options.title ?? template.title,
      background: resolveColorToken(src.meta.background, kit),
      templateId: template.id,
      templateVersion: template.version,
    },
    objects,
  };
  const left = listTemplateTokens(design);
  if (left.length > 0) {
    const first = left[0]!;
    throw new TemplateError(
      'unresolved-token',
      `template ${template.id}: ${first.token} in ${first.objectId ?? 'meta'}.${first.property} did not resolve`,
    );
  }
  const parsed = DesignSchema.safeParse(design);
  if (!parsed.success) throw new TemplateError('invalid-design', `template ${template.id}: ${parsed.error.message}`);
  return parsed.data;
}
