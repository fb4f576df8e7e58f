import type { RulePack } from '../../brand/index.js';
import type { ProtectedClass } from './classes.js';

/**
 * State packs that add protected classes for housing advertising beyond the
 * federal seven (which every state pack keeps). Each lists the classes this
 * engine checks and the statute that protects them; a class a state protects
 * but the engine has no lexicon for (e.g. NJ "liability for military service"
 * beyond military status, DC "personal appearance", IL "arrest record") is
 * named in `alsoProtects` so the brand manager knows to add it as a
 * per-brokerage banned phrase.
 *
 * Sources are the state statutes as amended through 2024. Statutes change;
 * the citation is here so a reviewer can check it.
 */
export interface StatePack {
  name: string;
  citation: string;
  classes: readonly ProtectedClass[];
  alsoProtects?: string;
}

export const STATE_PACKS = {
  NY: {
    name: 'New York',
    citation: 'N.Y. Exec. Law §296(5)(a)(3) (Human Rights Law; lawful source of income since 2019)',
    classes: ['source-of-income', 'marital-status', 'age', 'sexual-orientation', 'gender-identity', 'military-status'],
    alsoProtects: 'creed; status as a victim of domestic violence; NYC adds more (NYC Admin. Code §8-107(5))',
  },
  NJ: {
    name: 'New Jersey',
    citation: 'N.J.S.A. 10:5-12(g)–(h) (Law Against Discrimination; source of lawful income and rent subsidies)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity', 'military-status', 'ancestry'],
    alsoProtects: 'civil union or domestic partnership status, pregnancy or breastfeeding, nationality',
  },
  IL: {
    name: 'Illinois',
    citation: '775 ILCS 5/3-102 and 5/3-102.1 (Human Rights Act, real estate transactions; source of income since 2023)',
    classes: [
      'source-of-income',
      'marital-status',
      'age',
      'sexual-orientation',
      'gender-identity',
      'military-status',
      'ancestry',
      'citizenship-immigration',
    ],
    alsoProtects: 'order of protection status, unfavorable military discharge, arrest record',
  },
  MA: {
    name: 'Massachusetts',
    citation: 'M.G.L. c. 151B §4(6), (7), (7B), (10) (advertising §4(7B); public or rental assistance §4(10))',
    classes: [
      'source-of-income',
      'marital-status',
      'age',
      'sexual-orientation',
      'gender-identity',
      'military-status',
      'ancestry',
      'genetic-information',
    ],
  },
  WA: {
    name: 'Washington',
    citation: 'RCW 49.60.222 (real estate transactions); RCW 59.18.255 (source of income)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity', 'military-status', 'citizenship-immigration'],
  },
  OR: {
    name: 'Oregon',
    citation: 'ORS 659A.421 (real property transactions; source of income including housing vouchers)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity'],
  },
  CO: {
    name: 'Colorado',
    citation: 'C.R.S. §24-34-502 (housing practices; source of income since 2020)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity', 'ancestry'],
  },
  DC: {
    name: 'District of Columbia',
    citation: 'D.C. Code §2-1402.21 (Human Rights Act, real estate transactions)',
    classes: ['source-of-income', 'marital-status', 'age', 'sexual-orientation', 'gender-identity', 'genetic-information'],
    alsoProtects: 'personal appearance, family responsibilities, matriculation, political affiliation, place of residence or business',
  },
  MD: {
    name: 'Maryland',
    citation: 'Md. Code, State Gov’t §20-705 (source of income since the HOME Act, 2020)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity'],
  },
  MN: {
    name: 'Minnesota',
    citation: 'Minn. Stat. §363A.09 (real property; status with regard to public assistance)',
    classes: ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity'],
  },
} as const satisfies Record<string, StatePack>;

export type StatePackId = keyof typeof STATE_PACKS;
export const STATE_PACK_IDS = Object.keys(STATE_PACKS) as StatePackId[];

/** State packs that protect a class. */
export function statePacksFor(cls: ProtectedClass): RulePack[] {
  return STATE_PACK_IDS.filter((p) => (STATE_PACKS[p].classes as readonly ProtectedClass[]).includes(cls));
}
