import { bannedPhrases } from './banned-phrases.js';
import type { Rule } from '../types.js';
import { brandColors } from './brand-colors.js';
import { brandFonts } from './brand-fonts.js';
import { brokerageName } from './brokerage-name.js';
import { caLicenseNumber } from './license-number.js';
import { ehoMark } from './eho-mark.js';
import { fairHousingWording } from './fair-housing-wording.js';
import { flTeamNameSize } from './fl-team-name-size.js';
import { imageResolution } from './image-resolution.js';
import { lockedProperties } from './locked-properties.js';
import { logoClearSpace } from './logo-clear-space.js';
import { logoUsage } from './logo-usage.js';
import { printSafeArea } from './print-safe-area.js';
import { requiredDisclaimers } from './required-disclaimers.js';
import { sampleContent } from './sample-content.js';
import { textContrast } from './text-contrast.js';
import { textOverflow } from './text-overflow.js';
import { txBrokerageNameSize } from './tx-brokerage-name-size.js';

/** Every rule the engine runs, in order. Add new rules here explicitly (no registration by import). */
export const RULES: readonly Rule[] = [
  // Compliance
  fairHousingWording,
  brokerageName,
  txBrokerageNameSize,
  flTeamNameSize,
  caLicenseNumber,
  ehoMark,
  requiredDisclaimers,
  bannedPhrases,
  sampleContent,
  // Brand
  brandColors,
  brandFonts,
  logoUsage,
  logoClearSpace,
  textContrast,
  textOverflow,
  printSafeArea,
  imageResolution,
  lockedProperties,
];

const TITLES = new Map<string, string>(RULES.map((r) => [r.id, r.title]));

/** A rule's title as people read it ('eho-mark' → its title); an unknown id (e.g. 'rule-error') in words. */
export function ruleTitle(ruleId: string): string {
  const title = TITLES.get(ruleId);
  if (title) return title;
  const words = ruleId.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export {
  bannedPhrases,
  brandColors,
  brandFonts,
  brokerageName,
  caLicenseNumber,
  ehoMark,
  fairHousingWording,
  flTeamNameSize,
  imageResolution,
  lockedProperties,
  logoClearSpace,
  logoUsage,
  printSafeArea,
  requiredDisclaimers,
  sampleContent,
  textContrast,
  textOverflow,
  txBrokerageNameSize,
};
export { fairHousingTextFindings, FAIR_HOUSING_RULE_ID } from './fair-housing-wording.js';
export { COLOR_DELTA_E_PASS, COLOR_DELTA_E_WARN } from './brand-colors.js';
export { CONTRAST_AA, CONTRAST_AA_LARGE, isLargeText } from './text-contrast.js';
export { PRINT_PPI, PRINT_PPI_MIN, effectivePpi } from './image-resolution.js';
export { LOCKED_PROPS } from './locked-properties.js';
export { LOGO_ASPECT_TOLERANCE } from './logo-usage.js';
