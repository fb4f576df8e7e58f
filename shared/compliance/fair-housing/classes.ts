import type { RulePack } from '../../brand/index.js';

/**
 * Protected classes for advertising, by jurisdiction.
 *
 * Federal (Fair Housing Act, 42 U.S.C. §3604(c)): race, color, religion, sex,
 * handicap (disability), familial status, national origin. Always applies.
 *
 * Texas (Texas Fair Housing Act, Tex. Prop. Code ch. 301, §301.021–.026):
 * exactly the federal seven — race, color, disability, religion, sex, national
 * origin, familial status. Texas adds no class for advertising; source of
 * income is not protected (and Tex. Loc. Gov't Code §250.007 bars cities from
 * protecting it, except for veterans' benefits), so "no Section 8" is not
 * flagged under the TX pack.
 *
 * Florida (Florida Fair Housing Act, Fla. Stat. §760.20–.37, §760.23): race,
 * color, national origin, sex, disability (handicap), familial status,
 * religion — again the federal seven. Age, marital status, sexual orientation
 * and source of income are NOT covered by the state act (age and marital
 * status appear only in the employment part of the Florida Civil Rights Act,
 * §760.10); some counties and cities add them (e.g. Miami-Dade Code ch. 11A,
 * Broward, Orlando), but local ordinances are outside these packs. Housing
 * for older persons is exempt as under federal law (§760.29(4)), so "55+"
 * is a warning (verify the exemption), not an error.
 *
 * California (FEHA, Gov. Code §12955 and §12955(c) on advertising; Unruh
 * Civil Rights Act, Civ. Code §51, §51.2; Civ. Code §1940.3): adds source of
 * income (including housing vouchers since SB 329, 2020), marital status,
 * sexual orientation, gender, gender identity and gender expression,
 * ancestry, genetic information, veteran or military status; age (Unruh
 * §51.2, outside qualifying senior housing); citizenship, primary language
 * and immigration status (Unruh §51 as amended 2015, and §1940.3). Primary
 * language is matched under national origin, which covers it federally too.
 *
 * NY, NJ, IL, MA, WA, OR, CO, DC, MD and MN: see state-packs.ts (each with
 * its citation).
 */
export const PROTECTED_CLASSES = {
  race: { label: 'race', packs: ['federal'] },
  color: { label: 'color', packs: ['federal'] },
  religion: { label: 'religion', packs: ['federal'] },
  sex: { label: 'sex', packs: ['federal'] },
  disability: { label: 'disability', packs: ['federal'] },
  'familial-status': { label: 'familial status', packs: ['federal'] },
  'national-origin': { label: 'national origin', packs: ['federal'] },
  'source-of-income': { label: 'source of income', packs: ['CA'] },
  'marital-status': { label: 'marital status', packs: ['CA'] },
  age: { label: 'age', packs: ['CA'] },
  'sexual-orientation': { label: 'sexual orientation', packs: ['CA'] },
  'gender-identity': { label: 'gender identity or expression', packs: ['CA'] },
  ancestry: { label: 'ancestry', packs: ['CA'] },
  'genetic-information': { label: 'genetic information', packs: ['CA'] },
  'military-status': { label: 'military or veteran status', packs: ['CA'] },
  'citizenship-immigration': { label: 'citizenship or immigration status', packs: ['CA'] },
} as const satisfies Record<string, { label: string; packs: readonly RulePack[] }>;

export type ProtectedClass = keyof typeof PROTECTED_CLASSES;
export const PROTECTED_CLASS_IDS = Object.keys(PROTECTED_CLASSES) as ProtectedClass[];
