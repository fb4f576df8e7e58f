import type { Rule } from '../types.js';
import { brandColors } from './brand-colors.js';
import { brokerageName } from './brokerage-name.js';
import { ehoMark } from './eho-mark.js';
import { fairHousingWording } from './fair-housing-wording.js';
import { flTeamNameSize } from './fl-team-name-size.js';
import { txBrokerageNameSize } from './tx-brokerage-name-size.js';

/** Every rule the engine runs, in order. Add new rules here explicitly. */
export const RULES: readonly Rule[] = [
  // Compliance
  fairHousingWording,
  brokerageName,
  txBrokerageNameSize,
  flTeamNameSize,
  ehoMark,
  // Brand
  brandColors,
];

export { brandColors, brokerageName, ehoMark, fairHousingWording, flTeamNameSize, txBrokerageNameSize };
export { fairHousingTextFindings, FAIR_HOUSING_RULE_ID } from './fair-housing-wording.js';
