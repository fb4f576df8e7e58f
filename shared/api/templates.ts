/** The template library: built-in templates plus those the brokerage's brand managers publish (routes/templates.ts). */
import { z } from 'zod';
import type { Design } from '../design/model.js';
import { CacheKey, endpoint, optionalBody } from './contract.js';

const TemplateIdParams = z.object({ id: z.string().min(1).max(100) });
/** A whole design document, as stored (validated where it is written; answers pass it through unchecked). */
const DesignDocument = z.custom<Design>((v) => typeof v === 'object' && v !== null);

const SummaryBase = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  version: z.number(),
  width: z.number(),
  height: z.number(),
});
/** A built-in template (templates/). */
export const LibraryTemplateSummarySchema = SummaryBase.extend({ source: z.literal('library') });
/** One a brand manager published from the editor (server/templates/store.ts); retired ones keep working for their designs. */
export const BrokerageTemplateSummarySchema = SummaryBase.extend({
  source: z.literal('brokerage'),
  status: z.enum(['published', 'retired']),
  sourceDesignId: z.string().nullable(),
  publishedAt: z.string(),
});
export const TemplateSummarySchema = z.union([BrokerageTemplateSummarySchema, LibraryTemplateSummarySchema]);
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export type BrokerageTemplateSummary = z.infer<typeof BrokerageTemplateSummarySchema>;

export const TemplateDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  version: z.number(),
  source: z.enum(['library', 'brokerage']),
  status: z.enum(['published', 'retired']).optional(),
  /** Resolved with the caller's brand kit: what a new design from it looks like. */
  design: DesignDocument,
});
export type TemplateDetail = z.infer<typeof TemplateDetailSchema>;

export const templatesApi = {
  /** Agents see published ones; `retired=1` lists retired ones too (for brand managers). */
  list: endpoint({
    method: 'GET',
    path: '/api/templates',
    query: z.object({ retired: z.enum(['0', '1']).optional() }),
    response: z.array(TemplateSummarySchema),
  }),
  get: endpoint({ method: 'GET', path: '/api/templates/:id', params: TemplateIdParams, response: TemplateDetailSchema }),
  /** SVG (not JSON); `v` (the template's version) only makes a new address per version. */
  thumbnail: endpoint({ method: 'GET', path: '/api/templates/:id/thumbnail.svg', params: TemplateIdParams, query: CacheKey }),
  /** Brand managers publish a design as a template (again: a new version). */
  publish: endpoint({
    method: 'POST',
    path: '/api/templates',
    body: z.object({ designId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/), title: z.string().trim().min(1).max(200).optional() }).strict(),
    response: z.object({ id: z.string(), version: z.number() }),
    status: 201,
  }),
  retire: endpoint({
    method: 'POST',
    path: '/api/templates/:id/retire',
    params: TemplateIdParams,
    body: optionalBody(z.object({}).strict()),
    response: z.object({ id: z.string(), status: z.literal('retired') }),
  }),
};
