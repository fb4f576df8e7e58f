import type { TextObject } from '../../design/index.js';
import { compactText, kitFont, topZ, uniqueId, visibleTexts } from '../design-utils.js';
import { isShown } from '../shown.js';
import type { AgentInfo, Rule, RuleFinding } from '../types.js';

// "DRE #01234567", "CalDRE# 01234567", "DRE Lic. 01234567", "CA DRE License No. 01234567", "BRE 01234567".
const DRE_RE = /\b(?:ca\s*)?(?:cal\s*)?(?:dre|bre)\s*[.:#-]*\s*(?:lic(?:ense)?\.?\s*)?(?:no\.?|num\.?|number)?\s*[:#]?\s*(\d{5,9})(?!\d)/gi;
// "Lic. #01234567", "License No. 01234567" (8 digits only, to avoid other license formats).
const LIC_RE = /\blic(?:ense)?\.?\s*(?:no\.?|num\.?|number)?\s*[:#]?\s*(\d{8})(?!\d)/gi;
const EIGHT_DIGITS_RE = /(?<!\d)(\d{8})(?!\d)/g;
const HAS_DIGITS_RE = /\d{5}/;

/** DRE-style license numbers shown in the design, and malformed DRE mentions. */
export function findDreNumbers(texts: readonly TextObject[]): { numbers: Set<string>; malformed: { id: string; value: string }[] } {
  const numbers = new Set<string>();
  const malformed: { id: string; value: string }[] = [];
  for (const o of texts) {
    for (const m of o.text.matchAll(DRE_RE)) {
      if (m[1]!.length === 8) numbers.add(m[1]!);
      else malformed.push({ id: o.id, value: m[0] });
    }
    for (const m of o.text.matchAll(LIC_RE)) numbers.add(m[1]!);
    if (o.role === 'license-number') for (const m of o.text.matchAll(EIGHT_DIGITS_RE)) numbers.add(m[1]!);
  }
  return { numbers, malformed };
}

function caNumber(agent: AgentInfo | undefined): string | undefined {
  const raw = agent?.licenseNumbers?.CA ?? agent?.licenseNumbers?.ca;
  if (!raw) return undefined;
  const digits = raw.replace(/\D/g, '');
  return digits ? digits.padStart(8, '0') : undefined;
}

/**
 * CA: every licensee named in first-point-of-contact material must show their
 * eight-digit DRE license number (Bus. & Prof. Code §10140.6; 10 CCR §2773).
 * Licensees are the agent-name objects, and the context's agents whose names
 * appear in the design.
 */
export const caLicenseNumber: Rule = {
  id: 'ca-license-number',
  title: 'CA: DRE license number for each named licensee',
  category: 'compliance',
  severity: 'error',
  blocking: true,
  check(design, ctx) {
    if (!ctx.rulePacks.includes('CA')) return [];
    const texts = visibleTexts(design);
    const agents = ctx.agents ?? [];
    const agentByName = (name: string) => {
      const c = compactText(name);
      return agents.find((a) => {
        const ac = compactText(a.name);
        return ac.length > 0 && (c.includes(ac) || (c.length > 0 && ac.includes(c)));
      });
    };
    type Licensee = { name: string; object?: TextObject; agent?: AgentInfo };
    const licensees: Licensee[] = [];
    for (const o of texts) if (o.role === 'agent-name') licensees.push({ name: o.text.trim(), object: o, agent: agentByName(o.text) });
    for (const a of agents) {
      if (licensees.some((l) => l.agent === a)) continue;
      const ac = compactText(a.name);
      const shown = texts.find((o) => ac.length > 0 && compactText(o.text).includes(ac));
      if (shown) licensees.push({ name: a.name, object: shown, agent: a });
    }
    if (licensees.length === 0) return [];

    // A number under an opaque shape, off the page or shrunk to a speck is not shown to anyone
    // (only texts with digits in them are checked: the others cannot hold one).
    const { numbers, malformed } = findDreNumbers(texts.filter((o) => HAS_DIGITS_RE.test(o.text) && isShown(o, design)));
    const out: RuleFinding[] = malformed.map((m) => ({
      severity: 'warning' as const,
      objectIds: [m.id],
      message: `"${m.value}" does not look like a California DRE license number (8 digits, e.g. DRE #01234567).`,
    }));
    const unclaimed = new Set(numbers);
    const unknown: Licensee[] = [];
    for (const l of licensees) {
      const expected = caNumber(l.agent);
      if (!expected) {
        unknown.push(l);
        continue;
      }
      if (numbers.has(expected)) {
        unclaimed.delete(expected);
        continue;
      }
      const anchor = l.object;
      const font = kitFont(ctx.brandKit, 'disclaimer');
      const fontSize = Math.max(font.minSize, Math.round((anchor?.fontSize ?? 16) * 0.6));
      const y = anchor ? Math.min(design.meta.height - fontSize * 1.3, anchor.y + anchor.height + 2) : design.meta.height - fontSize * 3;
      out.push({
        severity: 'error',
        blocking: true,
        objectIds: anchor ? [anchor.id] : [],
        message: `California requires ${l.name}'s DRE license number (DRE #${expected}) wherever the licensee is named.`,
        fix: {
          kind: 'insert-object',
          label: `Add DRE #${expected}`,
          object: {
            id: uniqueId(design, 'license-number'),
            type: 'text',
            x: anchor?.x ?? 24,
            y: Math.max(0, y),
            width: anchor?.width ?? 240,
            height: Math.ceil(fontSize * 1.16) + 2,
            angle: 0,
            z: topZ(design),
            role: 'license-number',
            text: `DRE #${expected}`,
            fontFamily: anchor?.fontFamily ?? font.family,
            fontSize,
            fontWeight: 400,
            fill: anchor?.fill ?? '#000000',
            textAlign: anchor?.textAlign ?? 'left',
          },
        },
      });
    }
    // Licensees whose number we do not know need a DRE number each among those left over.
    if (unknown.length > unclaimed.size) {
      for (const l of unknown.slice(unclaimed.size)) {
        out.push({
          severity: 'error',
          blocking: true,
          objectIds: l.object ? [l.object.id] : [],
          message: `California requires a DRE license number (e.g. "DRE #01234567") for ${l.name || 'each named licensee'}.`,
        });
      }
    }
    return out;
  },
};
