import { checkText, RULE_PACKS, type RulePack } from '../../shared/index.js';
import type { AiContext, AiFinding, AiProvider, CopyItem, ListingFacts } from './types.js';

const HYPE = /\b(stunning|must[- ]see|won'?t last|priced to sell|amazing|incredible|dream home|once in a lifetime|act fast|hurry)\b/gi;

const packs = (ctx: AiContext) => ctx.rulePacks.filter((p): p is RulePack => (RULE_PACKS as readonly string[]).includes(p));

/** Applies the rule engine's neutral wording to every flagged passage. */
export function neutralise(text: string, ctx: AiContext): string {
  let out = text;
  // Replace from the end so earlier offsets stay valid.
  const fixes = checkText(text, { rulePacks: packs(ctx) })
    .findings.flatMap((f) => (f.fix?.kind === 'replace-text' ? [f.fix] : []))
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  for (const fix of fixes) {
    const at = fix.at !== undefined && out.startsWith(fix.from, fix.at) ? fix.at : out.indexOf(fix.from);
    if (at >= 0) out = out.slice(0, at) + fix.to + out.slice(at + fix.from.length);
  }
  return out;
}

function calmVoice(text: string): string {
  return text
    .replace(/!+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(HYPE, (m) => (/stunning|amazing|incredible/i.test(m) ? 'striking' : /dream home/i.test(m) ? 'home' : ''))
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([.,])/g, '$1')
    .trim();
}

function fmtNumber(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}

/**
 * The deterministic, offline AI layer: review from the rule engine plus
 * brand-voice heuristics, rewrites from the engine's neutral wording, and
 * listing descriptions composed from the facts.
 */
export class BuiltinAiProvider implements AiProvider {
  readonly name = 'builtin' as const;

  async review(items: CopyItem[], ctx: AiContext): Promise<{ findings: AiFinding[] }> {
    const findings: AiFinding[] = [];
    const noExclamation = /no exclamation|without exclamation/i.test(ctx.voice ?? '');
    const noHype = /no hype|understated|plain/i.test(ctx.voice ?? '');
    for (const item of items) {
      for (const f of checkText(item.text, { rulePacks: packs(ctx) }).findings) {
        const fix = f.fix?.kind === 'replace-text' ? f.fix : undefined;
        findings.push({
          objectId: item.objectId,
          severity: f.severity,
          category: 'compliance',
          message: f.message,
          quote: fix?.from ?? '',
          suggestion: fix?.to ?? '',
          source: 'builtin',
        });
      }
      if (noExclamation && item.text.includes('!')) {
        findings.push({
          objectId: item.objectId,
          severity: 'info',
          category: 'brand-voice',
          message: 'The brand voice avoids exclamation marks.',
          quote: '!',
          suggestion: '.',
          source: 'builtin',
        });
      }
      if (noHype) {
        for (const m of item.text.matchAll(HYPE)) {
          findings.push({
            objectId: item.objectId,
            severity: 'info',
            category: 'brand-voice',
            message: `"${m[0]}" reads as hype; the brand voice is plain-spoken. Say what makes the home special instead.`,
            quote: m[0],
            suggestion: '',
            source: 'builtin',
          });
        }
      }
      const shouting = item.text.match(/\b[A-Z]{3,}(?:\s+[A-Z]{3,}){3,}\b/);
      if (shouting && item.role !== 'headline' && item.role !== 'price') {
        findings.push({
          objectId: item.objectId,
          severity: 'info',
          category: 'clarity',
          message: 'Long runs of capitals are hard to read in body copy.',
          quote: shouting[0],
          suggestion: '',
          source: 'builtin',
        });
      }
    }
    return { findings };
  }

  async rewrite(text: string, _instruction: string, ctx: AiContext): Promise<{ text: string; notes: string }> {
    const rewritten = calmVoice(neutralise(text, ctx));
    return { text: rewritten || text, notes: 'Rewritten by the built-in assistant: flagged phrases replaced with neutral wording.' };
  }

  async describeListing(facts: ListingFacts, ctx: AiContext): Promise<{ text: string }> {
    const parts: string[] = [];
    const rooms = [facts.beds !== undefined ? `${facts.beds}-bedroom` : '', facts.baths !== undefined ? `${facts.baths}-bath` : '']
      .filter(Boolean)
      .join(', ');
    const kind = (facts.propertyType ?? 'home').toLowerCase();
    const where = [facts.address, facts.city].filter(Boolean).join(', ');
    parts.push(
      `${where ? `Welcome to ${where}: a` : 'A'} ${rooms ? `${rooms} ` : ''}${kind}${facts.sqft ? ` with ${fmtNumber(facts.sqft)} square feet of living space` : ''}.`,
    );
    if (facts.yearBuilt) parts.push(`Built in ${facts.yearBuilt}.`);
    if (facts.features.length) {
      const list = facts.features.slice(0, 6).map((f) => f.trim().replace(/\.$/, ''));
      parts.push(`Highlights include ${list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list[0]}.`);
    }
    if (facts.price) parts.push(`Offered at $${fmtNumber(facts.price)}.`);
    parts.push('Schedule a private showing today.');
    return { text: calmVoice(neutralise(parts.join(' '), ctx)) };
  }
}
