import { z } from 'zod';
import { BrandKitSchema, RulePackSchema, type BrandKit, type RulePack } from '../brand/index.js';
import { DesignObjectSchema, DesignSchema, type Design } from '../design/index.js';
import type { FontBook } from '../render/fonts.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const CATEGORIES = ['brand', 'compliance'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/**
 * Pseudo object ids for `replace-text` fixes on text that is not a design
 * object: the text given to `checkText` and the listing remarks in the context.
 */
export const TEXT_INPUT_TARGET = '@text';
export const LISTING_REMARKS_TARGET = '@listing-remarks';

const label = z.string().min(1).max(200);

/** Set some properties of one object (ordinary last-writer-wins property changes). */
export const SetPropsFixSchema = z.object({
  kind: z.literal('set-props'),
  objectId: z.string().min(1),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  label,
});

/** Set properties of the design's `meta` map (e.g. the page background). */
export const SetMetaFixSchema = z.object({
  kind: z.literal('set-meta'),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  label,
});

/**
 * Replace the occurrence of `from` that starts at character `at` of the
 * object's `text` (or, when `at` no longer points at `from`, the first
 * occurrence) with `to`.
 */
export const ReplaceTextFixSchema = z.object({
  kind: z.literal('replace-text'),
  objectId: z.string().min(1),
  from: z.string().min(1),
  to: z.string(),
  at: z.number().int().nonnegative().optional(),
  label,
});

/** Add a complete object (in the design model, placed inside the page). */
export const InsertObjectFixSchema = z.object({
  kind: z.literal('insert-object'),
  object: DesignObjectSchema,
  label,
});

export const FixSchema = z.discriminatedUnion('kind', [SetPropsFixSchema, SetMetaFixSchema, ReplaceTextFixSchema, InsertObjectFixSchema]);
export type Fix = z.infer<typeof FixSchema>;
export type SetPropsFix = z.infer<typeof SetPropsFixSchema>;
export type SetMetaFix = z.infer<typeof SetMetaFixSchema>;
export type ReplaceTextFix = z.infer<typeof ReplaceTextFixSchema>;
export type InsertObjectFix = z.infer<typeof InsertObjectFixSchema>;
export const FIX_KINDS = ['set-props', 'set-meta', 'replace-text', 'insert-object'] as const;

/** Where in a text object's text a finding points: the words the editor underlines and the fix rewrites. */
export const FindingSpanSchema = z.object({
  objectId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type FindingSpan = z.infer<typeof FindingSpanSchema>;

/** Why a Fair Housing finding was raised: the group mentioned and the intent around it. */
export const FindingReasonSchema = z.object({
  protectedClass: z.string().min(1),
  group: z.string(),
  intent: z.string(),
  intentKind: z.enum(['exclusion', 'preference', 'description', 'listed-term']),
});
export type FindingReason = z.infer<typeof FindingReasonSchema>;

export const FindingSchema = z.object({
  ruleId: z.string().min(1),
  category: CategorySchema,
  severity: SeveritySchema,
  objectIds: z.array(z.string()),
  message: z.string().min(1),
  fix: FixSchema.optional(),
  /** Set on findings that block approval (Fair Housing errors, missing licensing elements). */
  blocking: z.boolean().optional(),
  span: FindingSpanSchema.optional(),
  reason: FindingReasonSchema.optional(),
  /** Who found it: the rule engine (absent or 'rule') or the live AI review ('ai': a warning unless a rule agrees, never blocking). */
  source: z.enum(['rule', 'ai']).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AgentInfoSchema = z.object({
  name: z.string().min(1).max(200),
  /** License numbers by jurisdiction, e.g. `{ CA: '01234567', TX: '654321' }`. */
  licenseNumbers: z.record(z.string(), z.string().max(40)).optional(),
});
export type AgentInfo = z.infer<typeof AgentInfoSchema>;

export const RuleContextSchema = z.object({
  brandKit: BrandKitSchema,
  /** Jurisdictions to apply; `federal` always applies whether listed or not. */
  rulePacks: z.array(RulePackSchema),
  agents: z.array(AgentInfoSchema).optional(),
  listingRemarks: z.string().max(100_000).optional(),
  /** Epoch milliseconds, for rules that depend on time. */
  now: z.number().optional(),
  /** The template the design was made from; its locked objects must not change. */
  template: DesignSchema.optional(),
});

/** Everything a rule may look at besides the design. Time comes in here, never from the clock. */
export interface RuleContext {
  brandKit: BrandKit;
  rulePacks: readonly RulePack[];
  agents?: readonly AgentInfo[];
  listingRemarks?: string;
  now?: number;
  template?: Design;
  /** The fonts text is laid out with (the brokerage's uploaded faces over the built-in ones); default the shared book. */
  fonts?: FontBook;
}

/** What a rule returns: a finding without ruleId/category (the engine fills them in), or a full one. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'category'> & Partial<Pick<Finding, 'ruleId' | 'category'>>;

/** One rule: pure, synchronous, deterministic. */
export interface Rule {
  id: string;
  title: string;
  category: Category;
  /** The most severe level this rule reports (its findings may be milder). */
  severity: Severity;
  /** Whether this rule's findings can block approval; if it throws, approval is blocked too. */
  blocking?: boolean;
  check(design: Design, ctx: RuleContext): RuleFinding[];
}
