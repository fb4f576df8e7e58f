import { findBrokerageElements, largest } from '../brokerage.js';
import { makeBottomText } from '../kit-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * The brokerage name must appear (text containing the legal name, tolerant of
 * entity suffix, punctuation and case, or an object with role
 * brokerage-name). Under the FL pack the full registered name is required
 * (Fla. Stat. §475.25(1)(c); FREC rule 61J2-10.025: ads must include the
 * brokerage name as registered).
 */
export const brokerageName: Rule = {
  id: 'brokerage-name',
  title: 'Brokerage name disclosed',
  category: 'compliance',
  severity: 'error',
  blocking: true,
  check(design, ctx) {
    const kit = ctx.brandKit;
    const els = findBrokerageElements(design, kit.brokerageLegalName);
    if (els.nameObjects.length === 0) {
      const contact = largest(els.contactObjects);
      const object = makeBottomText(design, kit, {
        idBase: 'brokerage-name',
        text: kit.brokerageLegalName,
        role: 'brokerage-name',
        fontRole: 'body',
        fontSize: contact ? Math.ceil(contact.fontSize / 2) : undefined,
        widthFraction: 0.5,
      });
      return [
        {
          severity: 'error',
          blocking: true,
          objectIds: [],
          message: `The brokerage name "${kit.brokerageLegalName}" does not appear in the design; advertising must identify the brokerage.`,
          fix: { kind: 'insert-object', object, label: 'Add the brokerage name' },
        },
      ];
    }
    const out: RuleFinding[] = [];
    if (ctx.rulePacks.includes('FL') && !els.fullNamePresent) {
      const target = els.nameObjects.find((o) => o.role === 'brokerage-name') ?? els.nameObjects[0]!;
      out.push({
        severity: 'error',
        blocking: true,
        objectIds: els.nameObjects.map((o) => o.id),
        message: `Florida requires the brokerage's full registered name ("${kit.brokerageLegalName}") in advertising.`,
        fix: { kind: 'set-props', objectId: target.id, props: { text: kit.brokerageLegalName }, label: 'Use the full brokerage name' },
      });
    }
    return out;
  },
};
