import { z } from 'zod';
import type { Design } from '../design/index.js';
import { fairHousingTextFindings } from './rules/fair-housing-wording.js';
import { bannedPhraseFindings } from './rules/banned-phrases.js';
import type { ProtectedClass } from './fair-housing/classes.js';
import { RULES } from './rules/index.js';
import { scoreFindings } from './scoring.js';
import { FindingSchema, TEXT_INPUT_TARGET, type Finding, type Rule, type RuleContext } from './types.js';
import type { BannedPhrase, RulePack } from '../brand/index.js';

export const RULE_ERROR_ID = 'rule-error';

export const ScoreResultSchema = z.object({
  brand: z.number().int().min(0).max(100),
  compliance: z.number().int().min(0).max(100),
  findings: z.array(FindingSchema),
  blocksApproval: z.boolean(),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

export const TextCheckResultSchema = z.object({
  compliance: z.number().int().min(0).max(100),
  findings: z.array(FindingSchema),
  blocksApproval: z.boolean(),
});
export type TextCheckResult = z.infer<typeof TextCheckResultSchema>;

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/**
 * Run rules over a design. Each rule's findings get its id and category
 * filled in; a rule that throws yields one `rule-error` finding (in the
 * rule's category, blocking approval if the rule could have) instead of
 * crashing the run.
 */
export function runRules(design: Design, ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    let produced;
    try {
      produced = rule.check(design, ctx);
    } catch (err) {
      out.push({
        ruleId: RULE_ERROR_ID,
        category: rule.category,
        severity: 'warning',
        objectIds: [],
        message: `Rule "${rule.id}" (${rule.title}) could not run: ${describeError(err)}`,
        ...(rule.blocking ? { blocking: true } : {}),
      });
      continue;
    }
    // Rule output is freshly built per call, so fill in the defaults in place (no copies).
    for (const f of produced) {
      if (f.ruleId === undefined) f.ruleId = rule.id;
      if (f.category === undefined) f.category = rule.category;
      out.push(f as Finding);
    }
  }
  return out;
}

/** Whether any finding blocks approval. */
export function blocksApproval(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.blocking === true);
}

/**
 * Score a design: brand and compliance scores (0–100), every finding, and
 * whether approval is blocked (any Fair Housing error, any missing required
 * licensing element, or a blocking rule that failed to run).
 */
export function scoreDesign(design: Design, ctx: RuleContext, rules: readonly Rule[] = RULES): ScoreResult {
  const findings = runRules(design, ctx, rules);
  const { brand, compliance } = scoreFindings(findings);
  return { brand, compliance, findings, blocksApproval: blocksApproval(findings) };
}

/**
 * Check free text (the `POST /api/compliance/check {text}` API): Fair
 * Housing wording, with the brokerage's extra protected classes and banned
 * phrases when given. Fixes target the pseudo object id `@text`.
 */
export function checkText(
  text: string,
  ctx: { rulePacks?: readonly RulePack[]; extraProtectedClasses?: readonly ProtectedClass[]; bannedPhrases?: readonly BannedPhrase[] } = {},
): TextCheckResult {
  const findings = [
    ...fairHousingTextFindings(text, TEXT_INPUT_TARGET, [], ctx.rulePacks ?? ['federal'], ctx.extraProtectedClasses ?? []),
    ...(ctx.bannedPhrases?.length ? bannedPhraseFindings(text, TEXT_INPUT_TARGET, [], ctx.bannedPhrases) : []),
  ];
  return { compliance: scoreFindings(findings).compliance, findings, blocksApproval: blocksApproval(findings) };
}
