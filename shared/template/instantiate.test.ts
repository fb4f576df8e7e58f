import { describe, expect, it } from 'vitest';
import { BrandKitSchema, DEMO_BRAND_KIT, DesignSchema, type BrandKit } from '../index.js';
import {
  FALLBACK_DISCLAIMER,
  TemplateError,
  TemplateSchema,
  instantiateTemplate,
  listTemplateTokens,
  resolveColorToken,
  resolveSrcToken,
  resolveTextTokens,
  type TemplateInput,
} from './index.js';
import { contrastRatio } from './color.js';

const kit = (over: Partial<BrandKit>): BrandKit => BrandKitSchema.parse({ ...DEMO_BRAND_KIT, ...over });
const ONE_COLOUR = kit({ palette: [{ name: 'Ink', hex: '#222222' }] });
const LIGHT_PRIMARY = kit({
  palette: [
    { name: 'Butter', hex: '#f7e08a' },
    { name: 'Night', hex: '#101820' },
  ],
});
const NO_LOGO = kit({ logos: [], disclaimers: [] });
const MULTI = kit({
  disclaimers: [
    { id: 'mls', text: 'MLS data.', pack: 'federal' },
    { id: 'tx', text: 'TREC notice.', pack: 'TX' },
    { id: 'ca', text: 'DRE notice.', pack: 'CA' },
  ],
  rulePacks: ['federal', 'TX'],
});

describe('resolveColorToken', () => {
  it.each([
    ['$color.primary', DEMO_BRAND_KIT, '#1f3a5f'],
    ['$color.accent', DEMO_BRAND_KIT, '#c9a227'],
    ['$color.neutral', DEMO_BRAND_KIT, '#4a5568'],
    ['$color.light', DEMO_BRAND_KIT, '#edf2f7'],
    ['$color.highlight', DEMO_BRAND_KIT, '#e0604e'],
    ['$palette.Gold', DEMO_BRAND_KIT, '#c9a227'],
    ['$palette.Nope', DEMO_BRAND_KIT, '#1f3a5f'],
    ['$on.primary', DEMO_BRAND_KIT, '#ffffff'],
    ['$on.accent', DEMO_BRAND_KIT, '#1f3a5f'],
    ['$on.light', DEMO_BRAND_KIT, '#1f3a5f'],
    // Fallbacks on a one-colour kit.
    ['$color.accent', ONE_COLOUR, '#222222'],
    ['$color.highlight', ONE_COLOUR, '#222222'],
    ['$color.neutral', ONE_COLOUR, '#222222'],
    ['$color.light', ONE_COLOUR, '#ffffff'],
    ['$color.highlight', LIGHT_PRIMARY, '#101820'],
    ['$on.primary', LIGHT_PRIMARY, '#101820'],
    // Not tokens: unchanged.
    ['#ffffff', DEMO_BRAND_KIT, '#ffffff'],
    ['$colour.primary', DEMO_BRAND_KIT, '$colour.primary'],
  ])('%s → %s', (token, k, want) => {
    expect(resolveColorToken(token, k as BrandKit)).toBe(want);
  });

  it('$on.<slot> always reads on its slot', () => {
    for (const k of [DEMO_BRAND_KIT, ONE_COLOUR, LIGHT_PRIMARY]) {
      for (const slot of ['primary', 'accent', 'neutral', 'light', 'highlight']) {
        const bg = resolveColorToken(`$color.${slot}`, k);
        expect(contrastRatio(resolveColorToken(`$on.${slot}`, k), bg), `${slot} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('resolveSrcToken', () => {
  it.each([
    ['$logo.primary', DEMO_BRAND_KIT, '/brand/demo-logo.svg'],
    ['$logo.other', DEMO_BRAND_KIT, '/brand/demo-logo.svg'],
    ['$logo.primary', NO_LOGO, ''],
    ['$eho', DEMO_BRAND_KIT, '/brand/eho.svg'],
    ['/uploads/a.jpg', DEMO_BRAND_KIT, '/uploads/a.jpg'],
    ['', DEMO_BRAND_KIT, ''],
  ])('%s → %s', (token, k, want) => {
    expect(resolveSrcToken(token, k as BrandKit)).toBe(want);
  });
});

describe('resolveTextTokens', () => {
  it.each([
    ['© {{brokerage.legalName}}', DEMO_BRAND_KIT, '© Demo Realty, LLC'],
    ['{{ brokerage.legalName }}', DEMO_BRAND_KIT, 'Demo Realty, LLC'],
    ['{{disclaimer.general}}', DEMO_BRAND_KIT, DEMO_BRAND_KIT.disclaimers[0]!.text],
    ['{{disclaimer.tx}}', MULTI, 'TREC notice.'],
    ['{{disclaimer.all}}', MULTI, 'MLS data. TREC notice.'],
    ['{{disclaimer.general}}', MULTI, 'MLS data. TREC notice.'],
    ['{{disclaimer.general}}', NO_LOGO, FALLBACK_DISCLAIMER],
    ['{{agent.name}}', DEMO_BRAND_KIT, '{{agent.name}}'],
    ['no tokens', DEMO_BRAND_KIT, 'no tokens'],
  ])('%s', (text, k, want) => {
    expect(resolveTextTokens(text, k as BrandKit)).toBe(want);
  });
});

const base = (objects: TemplateInput['design']['objects'], meta: Partial<TemplateInput['design']['meta']> = {}): TemplateInput => ({
  id: 'tiny',
  title: 'Tiny',
  kind: 'flyer',
  version: 3,
  description: 'test',
  design: { meta: { title: 'Tiny', kind: 'flyer', width: 100, height: 100, background: '$color.light', ...meta }, objects },
});

describe('TemplateSchema token syntax', () => {
  const text = (over: Record<string, unknown>) => ({ id: 't', type: 'text' as const, x: 0, y: 0, width: 10, height: 10, z: 'V', ...over });
  it.each([
    ['valid tokens', text({ fill: '$color.primary', fontFamily: '$font.heading', text: '{{disclaimer.general}}' }), true],
    ['palette by name with a space', text({ fill: '$palette.Deep Sea' }), true],
    ['raw colour', text({ fill: '#123456' }), true],
    ['unknown colour slot', text({ fill: '$color.secondary' }), false],
    ['unknown font role', text({ fontFamily: '$font.display' }), false],
    ['unknown text token', text({ text: 'Hi {{listing.price}}' }), false],
    ['bad image token', { id: 't', type: 'image', x: 0, y: 0, width: 1, height: 1, z: 'V', src: '$logo' }, false],
    ['good image token', { id: 't', type: 'image', x: 0, y: 0, width: 1, height: 1, z: 'V', src: '$eho' }, true],
    ['bad stroke token', { id: 't', type: 'line', x: 0, y: 0, width: 1, height: 1, z: 'V', stroke: '$stroke' }, false],
  ])('%s', (_name, object, ok) => {
    expect(TemplateSchema.safeParse(base({ t: object as never })).success).toBe(ok);
  });

  it.each([
    ['non-kebab id', { id: 'Listing_Flyer' }],
    ['version 0', { version: 0 }],
    ['kind differs from meta.kind', { kind: 'postcard' as const }],
  ])('rejects %s', (_name, over) => {
    expect(TemplateSchema.safeParse({ ...base({}), ...over }).success).toBe(false);
  });

  it('rejects an object whose id differs from its key, or a page past meta.pages', () => {
    expect(TemplateSchema.safeParse(base({ a: text({ id: 'b' }) as never })).success).toBe(false);
    expect(TemplateSchema.safeParse(base({ t: text({ page: 1 }) as never })).success).toBe(false);
    expect(TemplateSchema.safeParse(base({ t: text({ page: 1 }) as never }, { pages: 2 })).success).toBe(true);
  });
});

describe('instantiateTemplate', () => {
  const template = TemplateSchema.parse(
    base({
      h: {
        id: 'h',
        type: 'text',
        x: 0,
        y: 0,
        width: 50,
        height: 20,
        z: 'V',
        text: 'Hi',
        fontFamily: '$font.heading',
        fontSize: 12,
        fontWeight: 800,
        fill: '$on.primary',
      },
      d: {
        id: 'd',
        type: 'text',
        x: 0,
        y: 0,
        width: 50,
        height: 20,
        z: 'W',
        text: '{{disclaimer.general}}',
        fontFamily: '$font.disclaimer',
        fontSize: 9,
        fill: '$color.neutral',
      },
      r: { id: 'r', type: 'rect', x: 0, y: 0, width: 5, height: 5, z: 'U', fill: '$color.primary', stroke: '$color.accent' },
      l: { id: 'l', type: 'line', x: 0, y: 0, width: 5, height: 1, z: 'T', stroke: '$palette.Coral' },
      e: { id: 'e', type: 'ellipse', x: 0, y: 0, width: 5, height: 5, z: 'S', fill: '#ffffff' },
      i: { id: 'i', type: 'image', x: 0, y: 0, width: 5, height: 5, z: 'X', src: '$logo.primary' },
      p: { id: 'p', type: 'image', x: 0, y: 0, width: 5, height: 5, z: 'Y', src: '', binding: 'listing.photo.0' },
    }),
  );
  const design = instantiateTemplate(template, DEMO_BRAND_KIT, { title: '12 Elm St' });

  it.each([
    ['meta.title', design.meta.title, '12 Elm St'],
    ['meta.templateId', design.meta.templateId, 'tiny'],
    ['meta.templateVersion', design.meta.templateVersion, 3],
    ['meta.background', design.meta.background, '#edf2f7'],
    ['heading family', (design.objects.h as { fontFamily: string }).fontFamily, 'Montserrat'],
    ['heading weight snapped to the kit', (design.objects.h as { fontWeight: number }).fontWeight, 800],
    ['heading size raised to the kit minimum', (design.objects.h as { fontSize: number }).fontSize, 18],
    ['on-primary ink', (design.objects.h as { fill: string }).fill, '#ffffff'],
    ['disclaimer text', (design.objects.d as { text: string }).text, DEMO_BRAND_KIT.disclaimers[0]!.text],
    ['disclaimer family', (design.objects.d as { fontFamily: string }).fontFamily, 'Open Sans'],
    ['rect fill', (design.objects.r as { fill: string }).fill, '#1f3a5f'],
    ['rect stroke', (design.objects.r as { stroke: string }).stroke, '#c9a227'],
    ['line stroke', (design.objects.l as { stroke: string }).stroke, '#e0604e'],
    ['raw colour kept', (design.objects.e as { fill: string }).fill, '#ffffff'],
    ['logo src', (design.objects.i as { src: string }).src, '/brand/demo-logo.svg'],
    ['bound photo left empty', (design.objects.p as { src: string }).src, ''],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it('returns a valid design with no tokens left and leaves the template untouched', () => {
    expect(DesignSchema.safeParse(design).success).toBe(true);
    expect(listTemplateTokens(design)).toEqual([]);
    expect(listTemplateTokens(template.design).length).toBe(10);
    expect(template.design.meta.background).toBe('$color.light');
    expect(instantiateTemplate(template, DEMO_BRAND_KIT).meta.title).toBe('Tiny');
  });

  it('snaps weights to the nearest the kit has, ties to the heavier', () => {
    const k = kit({
      fonts: [
        { family: 'Serif', role: 'heading', minSize: 18, weights: [500, 700] },
        { family: 'Sans', role: 'body', minSize: 11, weights: [400] },
      ],
    });
    const d = instantiateTemplate(template, k);
    expect((d.objects.h as { fontWeight: number }).fontWeight).toBe(700);
    expect((d.objects.d as { fontFamily: string }).fontFamily).toBe('Sans'); // no disclaimer font: body
  });

  it('throws a TemplateError with a code when a token cannot resolve', () => {
    const bad = {
      ...template,
      design: { ...template.design, objects: { x: { ...template.design.objects.h!, text: '{{agent.name}}' } } },
    } as typeof template;
    expect(() => instantiateTemplate(bad, DEMO_BRAND_KIT)).toThrow(TemplateError);
    try {
      instantiateTemplate(bad, DEMO_BRAND_KIT);
    } catch (e) {
      expect((e as TemplateError).code).toBe('unresolved-token');
    }
  });
});
