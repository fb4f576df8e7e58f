/** The writing assistant: reviews, rewrites and listing descriptions, with their compliance check (routes/ai.ts). */
import { z } from 'zod';
import { FindingSchema } from '../compliance/types.js';
import { endpoint, idParam } from './contract.js';

export const ListingFactsSchema = z.object({
  address: z.string().max(300).optional(),
  city: z.string().max(100).optional(),
  price: z.number().nonnegative().optional(),
  beds: z.number().nonnegative().max(100).optional(),
  baths: z.number().nonnegative().max(100).optional(),
  sqft: z.number().nonnegative().max(1_000_000).optional(),
  yearBuilt: z.number().int().min(1600).max(2100).optional(),
  propertyType: z.string().max(100).optional(),
  features: z.array(z.string().max(200)).max(40).default([]),
  remarks: z.string().max(5_000).optional(),
});
export type ListingFacts = z.infer<typeof ListingFactsSchema>;

export const AiProviderSchema = z.enum(['builtin', 'openai']);
export type AiProviderName = z.infer<typeof AiProviderSchema>;

/** Why the built-in assistant answered instead of the model (budget, timeout, bad output…). */
export const AiNoticeSchema = z.object({ code: z.string(), message: z.string() });
export type AiNotice = z.infer<typeof AiNoticeSchema>;

/** An advisory finding of a review, marked with who made it. */
export const AiFindingAnswerSchema = z.object({
  objectId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  category: z.enum(['compliance', 'brand-voice', 'clarity']),
  message: z.string(),
  quote: z.string(),
  suggestion: z.string(),
  source: z.enum(['ai', 'builtin']),
});

/** Every answer says who wrote it and whether it came from the cache. */
const Answer = z.object({ provider: AiProviderSchema, cached: z.boolean(), notice: AiNoticeSchema.optional() });

export const AiReviewSchema = Answer.extend({ findings: z.array(AiFindingAnswerSchema) });
export type AiReview = z.infer<typeof AiReviewSchema>;
/** The rewritten text and the rule engine's findings on it. */
export const AiRewriteSchema = Answer.extend({ text: z.string(), notes: z.string(), findings: z.array(FindingSchema) });
export type AiRewrite = z.infer<typeof AiRewriteSchema>;
export const AiDescriptionSchema = Answer.extend({ text: z.string(), findings: z.array(FindingSchema) });
export type AiDescription = z.infer<typeof AiDescriptionSchema>;

export const aiApi = {
  status: endpoint({ method: 'GET', path: '/api/ai/status', response: z.object({ provider: AiProviderSchema }) }),
  /** Reviews every piece of copy in a design (view access); findings are advisory. */
  review: endpoint({
    method: 'POST',
    path: '/api/ai/review',
    body: z.object({ designId: idParam('design') }).strict(),
    response: AiReviewSchema,
  }),
  rewrite: endpoint({
    method: 'POST',
    path: '/api/ai/rewrite',
    body: z
      .object({ text: z.string().min(1).max(5_000), instruction: z.string().max(500).default('Make it compliant and on-brand') })
      .strict(),
    response: AiRewriteSchema,
  }),
  listingDescription: endpoint({
    method: 'POST',
    path: '/api/ai/listing-description',
    body: z.object({ facts: ListingFactsSchema }).strict(),
    response: AiDescriptionSchema,
  }),
  /** This month's AI spend against the budget (brand managers and admins). */
  usage: endpoint({
    method: 'GET',
    path: '/api/ai/usage',
    response: z.object({
      month: z.string(),
      costUsd: z.number(),
      budgetUsd: z.number(),
      calls: z.number(),
      cachedCalls: z.number(),
      byTask: z.array(z.object({ task: z.string(), calls: z.number(), costUsd: z.number() })),
    }),
  }),
};
