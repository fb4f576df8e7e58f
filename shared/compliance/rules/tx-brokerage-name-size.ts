import { findBrokerageElements, largest } from '../brokerage.js';
import type { Rule } from '../types.js';

/**
 * TX: the broker's name must be in a readily noticeable font at least half
 * the size of the largest contact information for any sales agent (TREC rule
 * 22 TAC §535.155(c)). Contact items: agent-name, agent-phone, agent-email.
 */
export const txBrokerageNameSize: Rule = {
  id: 'tx-brokerage-name-size',
  title: 'TX: brokerage name at least half the largest contact item',
  category: 'compliance',
  severity: 'error',
  check(design, ctx) {
    if (!ctx.rulePacks.includes('TX')) return [];
    const els = findBrokerageElements(design, ctx.brandKit.brokerageLegalName);
    const name = largest(els.nameObjects);
    const contact = largest(els.contactObjects);
    if (!name || !contact) return [];
    const needed = contact.fontSize / 2;
    if (name.fontSize + 1e-9 >= needed) return [];
    const size = Math.ceil(needed);
    return [
      {
        severity: 'error',
        objectIds: [name.id, contact.id],
        message: `Texas requires the brokerage name to be at least half the size of the largest agent contact item (${contact.fontSize}px → at least ${size}px); it is ${name.fontSize}px.`,
        fix: { kind: 'set-props', objectId: name.id, props: { fontSize: size }, label: `Enlarge brokerage name to ${size}px` },
      },
    ];
  },
};
