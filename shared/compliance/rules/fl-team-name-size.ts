import { findBrokerageElements, largest } from '../brokerage.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * FL: a team or group name may not be larger than the brokerage name
 * (FREC rule 61J2-10.025(2) on team advertising: the brokerage name must be
 * at least as prominent as the team name).
 */
export const flTeamNameSize: Rule = {
  id: 'fl-team-name-size',
  title: 'FL: team name no larger than the brokerage name',
  category: 'compliance',
  severity: 'error',
  check(design, ctx) {
    if (!ctx.rulePacks.includes('FL')) return [];
    const els = findBrokerageElements(design, ctx.brandKit.brokerageLegalName);
    const name = largest(els.nameObjects);
    if (!name) return [];
    const out: RuleFinding[] = [];
    for (const team of els.teamObjects) {
      if (team.fontSize <= name.fontSize + 1e-9) continue;
      out.push({
        severity: 'error',
        objectIds: [team.id, name.id],
        message: `Florida: the team name (${team.fontSize}px) is larger than the brokerage name (${name.fontSize}px).`,
        fix: {
          kind: 'set-props',
          objectId: name.id,
          props: { fontSize: team.fontSize },
          label: `Enlarge brokerage name to ${team.fontSize}px`,
        },
      });
    }
    return out;
  },
};
