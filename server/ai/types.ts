import { z } from 'zod';
import type { ListingFacts } from '../../shared/api/ai.js';

/** One piece of copy sent for review: design text travels as data, never as instructions. */
export const CopyItemSchema = z.object({
  objectId: z.string().max(64),
  role: z.string().max(64).optional(),
  text: z.string().max(5_000),
});
export type CopyItem = z.infer<typeof CopyItemSchema>;

export const AiFindingSchema = z.object({
  objectId: z.string().max(64),
  severity: z.enum(['error', 'warning', 'info']),
  category: z.enum(['compliance', 'brand-voice', 'clarity']),
  message: z.string().min(1).max(600),
  /** The exact passage at fault, quoted from the copy (empty when it is about the whole item). */
  quote: z.string().max(600),
  /** Suggested replacement for the quoted passage (empty when none). */
  suggestion: z.string().max(600),
});
export type AiFinding = z.infer<typeof AiFindingSchema> & { source: 'ai' | 'builtin' };

/** What the model must return for a review (strict JSON schema). */
export const ReviewOutputSchema = z.object({ findings: z.array(AiFindingSchema).max(50) });
export const RewriteOutputSchema = z.object({ text: z.string().min(1).max(5_000), notes: z.string().max(600) });
export const DescriptionOutputSchema = z.object({ text: z.string().min(1).max(5_000) });

/** What a listing description is written from (shared/api/ai.ts: the route's body takes it). */
export { ListingFactsSchema, type ListingFacts } from '../../shared/api/ai.js';

export interface Usage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface AiContext {
  brokerageId: string;
  voice?: string;
  rulePacks: readonly string[];
}

/** An AI back end. The built-in one is deterministic and offline; the OpenAI one calls a model. */
export interface AiProvider {
  readonly name: 'builtin' | 'openai';
  review(items: CopyItem[], ctx: AiContext): Promise<{ findings: AiFinding[]; usage?: Usage }>;
  rewrite(text: string, instruction: string, ctx: AiContext): Promise<{ text: string; notes: string; usage?: Usage }>;
  describeListing(facts: ListingFacts, ctx: AiContext): Promise<{ text: string; usage?: Usage }>;
}

export class AiUnavailableError extends Error {
  constructor(
    readonly code: 'budget_exhausted' | 'timeout' | 'rate_limited' | 'bad_output' | 'upstream_error',
    message: string,
  ) {
    super(message);
  }
}
