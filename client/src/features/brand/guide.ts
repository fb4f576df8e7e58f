/** Pure helpers behind the brand guidelines page: colour facts, legible text pairs, do's and don'ts. */
import { contrastRatio, parseColor, RULE_PACKS, type BrandKit, type RulePack } from '../../../../shared/brand/index.js';
import { PROTECTED_CLASSES } from '../../../../shared/compliance/fair-housing/classes.js';
import { STATE_PACKS, STATE_PACK_IDS, type StatePackId } from '../../../../shared/compliance/fair-housing/state-packs.js';

export const AA_NORMAL = 4.5;
export const AA_LARGE = 3;

export function rgbTriplet(hex: string): string {
  const c = parseColor(hex);
  return c ? `${c.r}, ${c.g}, ${c.b}` : '';
}

export interface TextPairing {
  name: string;
  hex: string;
  ratio: number;
  /** Passes AA for body text (4.5:1). */
  aa: boolean;
  /** Passes AA for large text only (3:1 — 24px, or 18.66px bold, and up). */
  aaLarge: boolean;
}

/** Which text colours (white, black and the palette) are legible on `background`, best first. */
export function textPairings(background: string, palette: BrandKit['palette']): TextPairing[] {
  const candidates = [{ name: 'White', hex: '#ffffff' }, { name: 'Black', hex: '#000000' }, ...palette];
  const seen = new Set<string>();
  const out: TextPairing[] = [];
  for (const c of candidates) {
    const key = c.hex.toLowerCase();
    if (seen.has(key) || key === background.toLowerCase()) continue;
    seen.add(key);
    const ratio = contrastRatio(c.hex, background);
    if (!Number.isFinite(ratio)) continue;
    out.push({ name: c.name, hex: c.hex, ratio, aa: ratio >= AA_NORMAL, aaLarge: ratio >= AA_LARGE });
  }
  return out.sort((a, b) => b.ratio - a.ratio);
}

export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

const STATE_LABELS = Object.fromEntries(STATE_PACK_IDS.map((p) => [p, STATE_PACKS[p].name])) as Record<StatePackId, string>;
const CLASS_WORDS = (p: StatePackId) => STATE_PACKS[p].classes.map((c) => PROTECTED_CLASSES[c].label).join(', ');

export const PACK_LABEL: Record<RulePack, string> = {
  federal: 'Federal (Fair Housing Act, HUD)',
  TX: 'Texas (TREC)',
  CA: 'California (DRE)',
  FL: 'Florida (FREC)',
  ...STATE_LABELS,
};

/** What each jurisdiction pack checks, in plain words. */
export const PACK_SUMMARY: Record<RulePack, string> = {
  federal: 'Fair Housing wording for the seven protected classes, the Equal Housing Opportunity logo or slogan, and required disclaimers.',
  TX: 'Brokerage name on every ad, at least half the size of the largest contact information.',
  CA: "Each named licensee's 8-digit DRE license number; source of income, age, marital status, sexual orientation and gender identity are protected.",
  FL: 'The full licensed brokerage name on every ad; team names no larger than the brokerage name.',
  ...(Object.fromEntries(
    STATE_PACK_IDS.map((p) => [p, `Fair Housing wording for the federal classes plus ${CLASS_WORDS(p)} (${STATE_PACKS[p].citation}).`]),
  ) as Record<StatePackId, string>),
};

export function activePacks(kit: BrandKit): RulePack[] {
  return RULE_PACKS.filter((p) => p === 'federal' || kit.rulePacks.includes(p));
}

export interface DosAndDonts {
  dos: string[];
  donts: string[];
}

/** Do's and don'ts that follow from the kit's own settings (so they always match the rules the designs are scored by). */
export function dosAndDonts(kit: BrandKit): DosAndDonts {
  const dos: string[] = [];
  const donts: string[] = [];
  const names = kit.palette.map((p) => p.name);
  dos.push(`Use the brand palette (${names.join(', ')}); black, white and transparent are always fine.`);
  donts.push(
    'Pick colours by eye: anything more than a small shade (ΔE 2) away from a palette colour is flagged, and more than ΔE 5 is an error.',
  );
  const byRole = (role: string) => kit.fonts.filter((f) => f.role === role);
  const families = [...new Set(kit.fonts.map((f) => f.family))];
  dos.push(`Set type in ${families.join(' and ')}${byRole('heading')[0] ? ` — ${byRole('heading')[0].family} for headings` : ''}.`);
  for (const f of kit.fonts) donts.push(`Set ${f.role} text below ${f.minSize}px.`);
  const logo = kit.logos[0];
  if (logo) {
    dos.push(`Keep clear space of ${Math.round(logo.clearSpace * 100)}% of the logo's height on every side of the logo.`);
    donts.push(`Stretch, squash or recolour the logo, or place it narrower than ${logo.minWidth}px.`);
  }
  dos.push('Keep text contrast at 4.5:1 or more (3:1 for large headings).');
  dos.push(
    `Show the Equal Housing Opportunity logo or slogan on every piece${kit.ehoMark.severity === 'error' ? ' — designs without it cannot be approved' : ''}.`,
  );
  dos.push(`Name the brokerage as “${kit.brokerageLegalName}”.`);
  if (kit.disclaimers.length) dos.push(`Include the required disclaimer${kit.disclaimers.length > 1 ? 's' : ''} at a legible size.`);
  donts.push(
    'Describe who should live in a home (“perfect for young families”, “no kids”, “adults only”) — describe the property instead.',
  );
  if (kit.voice) dos.push(`Write in the brand voice: ${kit.voice}`);
  donts.push('Let text overflow its box or run into the print margin.');
  return { dos, donts };
}
