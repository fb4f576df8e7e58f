/**
 * Listings: RESO import and list, listing-bound designs and their updates, bulk designs, exports,
 * and the admin's scheduled RESO Web API sync (routes/listings.ts; server/listings/ owns the data).
 */
import { z } from 'zod';
import type { Listing } from '../listing/model.js';
import { endpoint, idParam, optionalBody } from './contract.js';

const IdParams = z.object({ id: idParam('listing') });
const DesignParams = z.object({ id: idParam('design') });
const Id = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not an id');
/** At most this many listings in one bulk job. */
export const MAX_BULK_LISTINGS = 200;

export const ListingSourceSchema = z.enum(['upload', 'sync']);
export type ListingSource = z.infer<typeof ListingSourceSchema>;

export const ListingSummarySchema = z.object({
  id: z.string(),
  listingKey: z.string(),
  version: z.number(),
  status: z.string().nullable(),
  listPrice: z.number().nullable(),
  address: z.string(),
  /** The first photo's same-origin path. */
  photo: z.string().nullable(),
  source: ListingSourceSchema,
  modificationTimestamp: z.string().nullable(),
  updatedAt: z.string(),
});
export type ListingSummary = z.infer<typeof ListingSummarySchema>;

/** At most this many of a listing's designs come with it in the list (newest first). */
export const LISTING_DESIGNS_SHOWN = 4;
/** The designs made from a listing that the caller sees (the designs list's rule), newest first. */
export const ListingDesignsSchema = z.object({
  /** At most LISTING_DESIGNS_SHOWN; `updatedAt` is the design thumbnail's cache key. */
  designs: z.array(z.object({ id: z.string(), title: z.string(), updatedAt: z.string() })),
  /** How many the caller sees in all. */
  total: z.number(),
});
export type ListingDesigns = z.infer<typeof ListingDesignsSchema>;
/** A listing in the list, with its designs. */
export const ListingListItemSchema = ListingSummarySchema.extend({ designs: ListingDesignsSchema });
export type ListingListItem = z.infer<typeof ListingListItemSchema>;

export const FieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export const ListingDetailSchema = ListingSummarySchema.extend({
  /** The listing as normalised (shared/listing/model.ts; validated when it is imported). */
  listing: z.custom<Listing>((v) => typeof v === 'object' && v !== null),
  createdAt: z.string(),
  history: z.array(
    z.object({ version: z.number(), changes: z.array(FieldChangeSchema), source: ListingSourceSchema, createdAt: z.string() }),
  ),
});

export const RecordErrorSchema = z.object({ index: z.number(), field: z.string(), message: z.string() });
export const UpsertOutcomeSchema = z.enum(['created', 'updated', 'unchanged', 'stale']);
/** 200 when something imported (or nothing was wrong), 422 with the same shape when every record was bad. */
export const ImportResultSchema = z.object({
  imported: z.number(),
  listings: z.array(z.object({ id: z.string(), listingKey: z.string(), outcome: UpsertOutcomeSchema, version: z.number() })),
  errors: z.array(RecordErrorSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ListingChangeSchema = z.object({ binding: z.string(), from: z.string(), to: z.string(), objectIds: z.array(z.string()) });
export type ListingChange = z.infer<typeof ListingChangeSchema>;
export const PendingListingUpdateSchema = z.object({
  listingId: z.string().nullable(),
  listingVersion: z.number().nullable(),
  mergedVersion: z.number().nullable(),
  changed: z.array(ListingChangeSchema),
});
export type PendingListingUpdate = z.infer<typeof PendingListingUpdateSchema>;
export const AppliedListingUpdateSchema = PendingListingUpdateSchema.extend({
  /** Bound objects updated. */
  applied: z.array(z.object({ objectId: z.string(), binding: z.string() })),
  /** Bound objects edited since the merge, or locked ones the requester may not change: left as they are. */
  kept: z.array(z.object({ objectId: z.string(), binding: z.string(), current: z.string(), locked: z.literal(true).optional() })),
});
export type AppliedListingUpdate = z.infer<typeof AppliedListingUpdateSchema>;

export const BulkJobSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number(),
  done: z.number(),
  designIds: z.array(z.string()),
  errors: z.array(z.object({ listingId: z.string(), code: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkJob = z.infer<typeof BulkJobSchema>;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL');
export const SyncConfigInputSchema = z
  .object({
    endpoint: httpUrl,
    tokenUrl: httpUrl,
    clientId: z.string().trim().min(1).max(500),
    /** Left out on update: keep the stored one. */
    clientSecret: z.string().min(1).max(2000).optional(),
    scope: z.string().trim().max(500).nullable().optional(),
    intervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(60),
    enabled: z.boolean().default(true),
  })
  .strict();
export type SyncConfigInput = z.output<typeof SyncConfigInputSchema>;

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  endpoint: z.string().optional(),
  tokenUrl: z.string().optional(),
  clientId: z.string().optional(),
  scope: z.string().nullable().optional(),
  hasSecret: z.boolean().optional(),
  intervalMinutes: z.number().optional(),
  enabled: z.boolean().optional(),
  running: z.boolean(),
  cursor: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastStatus: z.enum(['never', 'ok', 'partial', 'failed']),
  lastError: z.string().nullable(),
  lastImported: z.number(),
  lastErrors: z.array(RecordErrorSchema.extend({ page: z.string().optional() })),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const listingsApi = {
  /** A RESO payload as feeds send it (one Property, an OData page, or an array): checked record by record. */
  import: endpoint({ method: 'POST', path: '/api/listings/import', body: z.unknown(), response: ImportResultSchema }),
  list: endpoint({
    method: 'GET',
    path: '/api/listings',
    query: z.object({
      q: z.string().trim().max(200).optional(),
      status: z.string().trim().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: z.object({ listings: z.array(ListingListItemSchema), total: z.number() }),
  }),
  get: endpoint({ method: 'GET', path: '/api/listings/:id', params: IdParams, response: ListingDetailSchema }),
  /** A listing photo (bytes); `retry=1` tries a failed download again now. */
  photo: endpoint({
    method: 'GET',
    path: '/api/listings/:id/photos/:index',
    params: z.object({
      id: Id,
      index: z
        .string()
        .regex(/^\d{1,3}$/, 'not a photo index')
        .transform(Number),
    }),
    query: z.object({
      retry: z
        .enum(['1'])
        .optional()
        .transform((v) => v === '1'),
    }),
  }),
  pendingUpdate: endpoint({
    method: 'GET',
    path: '/api/designs/:id/listing-update',
    params: DesignParams,
    response: PendingListingUpdateSchema,
  }),
  applyUpdate: endpoint({
    method: 'POST',
    path: '/api/designs/:id/listing-update',
    params: DesignParams,
    body: optionalBody(z.object({ force: z.boolean().default(false) }).strict()),
    response: AppliedListingUpdateSchema,
  }),
  bulkDesigns: endpoint({
    method: 'POST',
    path: '/api/listings/bulk-designs',
    body: z.object({ templateId: z.string().min(1).max(100), listingIds: z.array(Id).min(1).max(MAX_BULK_LISTINGS) }).strict(),
    response: BulkJobSchema.extend({ jobId: z.string() }),
    status: 202,
  }),
  job: endpoint({ method: 'GET', path: '/api/listings/jobs/:id', params: z.object({ id: Id }), response: BulkJobSchema }),
  jobZip: endpoint({ method: 'GET', path: '/api/listings/jobs/:id/export.zip', params: z.object({ id: Id }) }),
  syncStatus: endpoint({ method: 'GET', path: '/api/admin/listing-sync', response: SyncStatusSchema }),
  configureSync: endpoint({ method: 'PUT', path: '/api/admin/listing-sync', body: SyncConfigInputSchema, response: SyncStatusSchema }),
  runSync: endpoint({ method: 'POST', path: '/api/admin/listing-sync/run', response: SyncStatusSchema }),
};
