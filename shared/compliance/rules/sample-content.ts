import { placeholderOf } from '../../render/index.js';
import type { Rule } from '../types.js';

/**
 * Sample content a template came with (the sample agent, address, price: text whose `sampleText` it
 * still shows, shared/render/placeholders.ts) never prints, so a design that still has it is not
 * finished: a finding per object, and the design cannot reach 100. Typing over it, or real data
 * (a listing, the person's profile or office), clears it.
 */
export const sampleContent: Rule = {
  id: 'sample-content',
  title: 'Sample content left in',
  category: 'compliance',
  severity: 'warning',
  check(design) {
    return Object.values(design.objects).flatMap((o) => {
      const ph = o.visible === false ? null : placeholderOf(o);
      if (ph?.kind !== 'sample-text' || o.type !== 'text') return [];
      return [
        {
          ruleId: 'sample-content',
          category: 'compliance' as const,
          severity: 'warning' as const,
          objectIds: [o.id],
          message: `Sample content left in: ${ph.label} still shows the template’s “${o.text.slice(0, 60)}”, which is left out of exports. Replace it with the real ${ph.label.replace(/^the /, '')}.`,
        },
      ];
    });
  },
};
