import { z } from 'zod';

/** Jurisdiction rule packs a brokerage advertises under (federal always applies). */
/** Jurisdictions: federal always applies; TX, CA, FL add licensing rules; the rest add protected classes (shared/compliance/fair-housing/state-packs.ts). */
export const RULE_PACKS = ['federal', 'TX', 'CA', 'FL', 'NY', 'NJ', 'IL', 'MA', 'WA', 'OR', 'CO', 'DC', 'MD', 'MN'] as const;
export const RulePackSchema = z.enum(RULE_PACKS);
export type RulePack = z.infer<typeof RulePackSchema>;

export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb color');

const Ink = z.number().min(0).max(100);

export const PaletteColorSchema = z.object({
  name: z.string().min(1).max(60),
  hex: HexColorSchema,
  /** The colour's print values (percent of each ink), as the brand guide gives them: a "print (CMYK)" PDF uses these. */
  cmyk: z.object({ c: Ink, m: Ink, y: Ink, k: Ink }).strict().optional(),
});
export type PaletteColor = z.infer<typeof PaletteColorSchema>;

export const FONT_ROLES = ['heading', 'body', 'disclaimer'] as const;
export const FontRoleSchema = z.enum(FONT_ROLES);
export type FontRole = z.infer<typeof FontRoleSchema>;

export const BrandFontSchema = z.object({
  family: z.string().min(1).max(100),
  role: FontRoleSchema,
  /** Smallest size allowed for this role, in design pixels (96 dpi). */
  minSize: z.number().positive().max(500),
  weights: z.array(z.number().int().min(100).max(900)).max(9).default([400, 700]),
});
export type BrandFont = z.infer<typeof BrandFontSchema>;

export const BrandLogoSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(100),
  /** Asset id or URL of the approved artwork. */
  src: z.string().min(1).max(2000),
  /** Aspect ratio (width / height) of the artwork. */
  aspect: z.number().positive(),
  /** Smallest placed width in design pixels. */
  minWidth: z.number().positive(),
  /** Clear space around the logo as a fraction of its height. */
  clearSpace: z.number().min(0).max(2),
});
export type BrandLogo = z.infer<typeof BrandLogoSchema>;

export const DisclaimerSchema = z.object({
  id: z.string().min(1).max(60),
  text: z.string().min(1).max(2000),
  /** Which rule pack requires it (federal = always). */
  pack: RulePackSchema.default('federal'),
});
export type Disclaimer = z.infer<typeof DisclaimerSchema>;

/** A phrase the brokerage does not allow in its ads (beyond Fair Housing law), with what to say instead. */
export const BannedPhraseSchema = z.object({
  id: z.string().min(1).max(60),
  phrase: z.string().trim().min(2).max(200),
  /** Neutral wording offered as the fix; empty removes the phrase. */
  replacement: z.string().max(200).default(''),
  reason: z.string().max(500).optional(),
  severity: z.enum(['error', 'warning']).default('warning'),
});
export type BannedPhrase = z.infer<typeof BannedPhraseSchema>;

/**
 * Classes the brokerage protects on top of its packs (a city or county
 * ordinance, or house policy), by the engine's class ids
 * (shared/compliance/fair-housing/classes.ts).
 */
export const EXTRA_PROTECTED_CLASSES = [
  'source-of-income',
  'marital-status',
  'age',
  'sexual-orientation',
  'gender-identity',
  'ancestry',
  'genetic-information',
  'military-status',
  'citizenship-immigration',
] as const;

export const BrandKitSchema = z.object({
  brokerageLegalName: z.string().min(1).max(200),
  palette: z.array(PaletteColorSchema).min(1).max(40),
  fonts: z.array(BrandFontSchema).min(1).max(20),
  logos: z.array(BrandLogoSchema).max(20),
  ehoMark: z.object({
    src: z.string().min(1).max(2000),
    /** Whether a missing EHO logo or slogan is an error or a warning. */
    severity: z.enum(['error', 'warning']).default('warning'),
  }),
  disclaimers: z.array(DisclaimerSchema).max(20),
  rulePacks: z.array(RulePackSchema).min(1).default(['federal']),
  /** IANA time zone for dates printed in designs (open-house times). */
  timeZone: z.string().min(1).max(64).default('America/Chicago'),
  voice: z.string().max(1000).optional(),
  /** Per-brokerage rules: banned phrases and extra protected classes (required disclaimers are `disclaimers`). */
  bannedPhrases: z.array(BannedPhraseSchema).max(200).optional(),
  extraProtectedClasses: z.array(z.enum(EXTRA_PROTECTED_CLASSES)).max(EXTRA_PROTECTED_CLASSES.length).optional(),
});
export type BrandKit = z.infer<typeof BrandKitSchema>;

/** The palette colours that carry CMYK values, for a "print (CMYK)" PDF. */
export function cmykSwatches(kit: Pick<BrandKit, 'palette'>): Array<{ hex: string; cmyk: NonNullable<PaletteColor['cmyk']> }> {
  return kit.palette.flatMap((p) => (p.cmyk ? [{ hex: p.hex, cmyk: p.cmyk }] : []));
}

/** The kit seeded for the demo brokerage. */
export const DEMO_BRAND_KIT: BrandKit = {
  brokerageLegalName: 'Demo Realty, LLC',
  palette: [
    { name: 'Navy', hex: '#1f3a5f', cmyk: { c: 100, m: 72, y: 30, k: 35 } },
    { name: 'Gold', hex: '#c9a227', cmyk: { c: 20, m: 32, y: 100, k: 4 } },
    { name: 'Slate', hex: '#4a5568' },
    { name: 'Mist', hex: '#edf2f7' },
    { name: 'Coral', hex: '#e0604e' },
  ],
  fonts: [
    { family: 'Montserrat', role: 'heading', minSize: 18, weights: [600, 700, 800] },
    { family: 'Open Sans', role: 'body', minSize: 11, weights: [400, 600] },
    { family: 'Open Sans', role: 'disclaimer', minSize: 8, weights: [400] },
  ],
  logos: [{ id: 'primary', name: 'Primary logo', src: '/brand/demo-logo.svg', aspect: 3, minWidth: 120, clearSpace: 0.25 }],
  ehoMark: { src: '/brand/eho.svg', severity: 'error' },
  disclaimers: [
    {
      id: 'general',
      text: 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.',
      pack: 'federal',
    },
  ],
  rulePacks: ['federal', 'TX'],
  timeZone: 'America/Chicago',
  voice: 'Warm, confident and plain-spoken; no hype, no exclamation marks.',
};
