import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DocumentStore, RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import { DesignListingService, ImportPayloadError, ListingImporter, ListingRepository } from '../listings/index.js';
import { BrokerageRepository } from '../repos/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const IdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not an id') });
const ListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const ApplyUpdateSchema = z.object({ force: z.boolean().default(false) }).strict();

/** RESO payloads can be large (an OData page with Media expanded). */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export interface ListingRouteDeps {
  db: Db;
  store: DocumentStore;
  rooms: RoomManager;
  log: FastifyBaseLogger;
  dataDir: string;
  /** Base for absolute URLs in exports (else the request's host). */
  publicUrl?: string;
  /** Pushes an app event to one user (socket.io `notification`), when wired. */
  notify?: (userId: string, payload: unknown) => void;
  /** How often the scheduler looks for due syncs (tests shorten it). */
  syncTickMs?: number;
}

export function registerListingRoutes(app: FastifyInstance, deps: ListingRouteDeps): { designListings: DesignListingService } {
  const listings = new ListingRepository(deps.db);
  const importer = new ListingImporter(deps.db);
  const brokerages = new BrokerageRepository(deps.db);
  const designListings = new DesignListingService(deps);

  app.post('/api/listings/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply) => {
    const user = requireUser(req);
    if (req.body === undefined || req.body === null) throw new AppError(400, 'validation_failed', 'body: send a RESO payload as JSON', { fields: [{ field: 'body', message: 'required' }] });
    const kit = await brokerages.brandKit(user.brokerageId);
    try {
      const result = await importer.importPayload(user.brokerageId, req.body, 'upload', kit?.timeZone ?? 'America/Chicago');
      // 200 even when some records were bad: the good ones imported; `errors` says which were skipped.
      return reply.code(result.imported > 0 || result.errors.length === 0 ? 200 : 422).send({
        imported: result.imported,
        listings: result.listings,
        errors: result.errors,
      });
    } catch (err) {
      if (err instanceof ImportPayloadError) throw new AppError(400, 'validation_failed', `body: ${err.message}`, { fields: [{ field: 'body', message: err.message }] });
      throw err;
    }
  });

  app.get('/api/listings', async (req) => {
    const user = requireUser(req);
    const query = parse(ListQuerySchema, req.query, 'query');
    return listings.list(user.brokerageId, query);
  });

  app.get('/api/listings/:id', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    const record = await listings.get(user.brokerageId, id);
    if (!record) throw notFound('Listing');
    return { ...record, history: await listings.history(user.brokerageId, id) };
  });

  app.get('/api/designs/:id/listing-update', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    return designListings.pendingChanges(user.brokerageId, id);
  });

  app.post('/api/designs/:id/listing-update', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    const body = parse(ApplyUpdateSchema, req.body ?? {});
    return designListings.apply(user.brokerageId, id, body.force);
  });

  return { designListings };
}
