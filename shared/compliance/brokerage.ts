/** Finding the brokerage name and contact elements in a design (shared by disclosure rules). */
import type { Design, TextObject } from '../design/index.js';
import { compactText, visibleTexts } from './design-utils.js';
import { isShown } from './shown.js';

const ENTITY_SUFFIX_RE =
  /[\s,]*\b(?:l\.?\s?l\.?\s?c|l\.?\s?l\.?\s?p|p\.?\s?l\.?\s?l\.?\s?c|inc|incorporated|corp|corporation|co|company|ltd|limited|l\.?\s?p|p\.?\s?c)\.?\s*$/i;

/** The legal name without a trailing entity suffix ("Demo Realty, LLC" → "Demo Realty"). */
export function brokerageCoreName(legalName: string): string {
  let name = legalName.trim();
  for (let i = 0; i < 3; i++) {
    const next = name.replace(ENTITY_SUFFIX_RE, '').trim();
    if (next === name || !next) break;
    name = next;
  }
  return name;
}

export const CONTACT_ROLES = ['agent-name', 'agent-phone', 'agent-email'] as const;

export interface BrokerageElements {
  /** Text objects that show the brokerage name (by role or by content) where a reader can see it (see shown.ts). */
  nameObjects: TextObject[];
  /** Whether some shown text contains the full legal name (punctuation/case-insensitive). */
  fullNamePresent: boolean;
  contactObjects: TextObject[];
  teamObjects: TextObject[];
}

const elementsCache = new WeakMap<Design['objects'], { legalName: string; result: BrokerageElements }>();

/** Brokerage name, contact and team elements (computed once per design value; three rules use it). */
export function findBrokerageElements(design: Design, legalName: string): BrokerageElements {
  const hit = elementsCache.get(design.objects);
  if (hit && hit.legalName === legalName) return hit.result;
  const result = computeBrokerageElements(design, legalName);
  elementsCache.set(design.objects, { legalName, result });
  return result;
}

function computeBrokerageElements(design: Design, legalName: string): BrokerageElements {
  const core = compactText(brokerageCoreName(legalName));
  const full = compactText(legalName);
  const nameObjects: TextObject[] = [];
  const contactObjects: TextObject[] = [];
  const teamObjects: TextObject[] = [];
  let fullNamePresent = false;
  for (const o of visibleTexts(design)) {
    const compact = compactText(o.text);
    const hasCore = core.length > 0 && compact.includes(core);
    const hasFull = full.length > 0 && compact.includes(full);
    if ((o.role === 'brokerage-name' || hasCore || hasFull) && isShown(o, design)) {
      nameObjects.push(o);
      if (hasFull) fullNamePresent = true;
    }
    if ((CONTACT_ROLES as readonly string[]).includes(o.role ?? '')) contactObjects.push(o);
    if (o.role === 'team-name') teamObjects.push(o);
  }
  return { nameObjects, fullNamePresent, contactObjects, teamObjects };
}

export function largest<T extends { fontSize: number }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const o of list) if (!best || o.fontSize > best.fontSize) best = o;
  return best;
}
