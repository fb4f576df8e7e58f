import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_PAGE_SIZE,
  designToUpdate,
  fillAgentBindings,
  instantiateTemplate,
  profileFillRecord,
  type Design,
  type ProfileFillRecord,
} from '../../shared/index.js';
import { getTemplate } from '../../templates/index.js';
import type { BrokerageTemplates } from '../templates/index.js';
import { designState, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { emit } from '../events/index.js';
import { agentProfile, mergeListingForNewDesign } from '../listings/index.js';
import { canChangeLocked, canDeleteDesign, designAccess, requireDesign, seesEveryDesign } from '../auth/index.js';
import { BrokerageRepository, DesignRepository, withTenant } from '../repos/index.js';
import { designsApi } from '../../shared/api/designs.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

export function registerDesignRoutes(
  app: FastifyInstance,
  deps: { db: Db; store: DocumentStore; rooms: RoomManager; templates: BrokerageTemplates; maxDesignsPerMinute: number },
): void {
  const designs = new DesignRepository(deps.db);
  const brokerages = new BrokerageRepository(deps.db);

  /** My designs and those shared with me (`?scope=brokerage`: every design I may review), each with my access. */
  route(app, designsApi.list, { auth: requireUser }, async (req, _reply, user) => {
    const { scope } = req.query;
    const all = scope === 'brokerage' && seesEveryDesign(user);
    const rows = await withTenant(deps.db, user.brokerageId, (tx) => new DesignRepository(tx).listVisible(user.brokerageId, user.id, all));
    return {
      designs: rows.map(({ sharedAccess, ...d }) => ({ ...d, access: designAccess(user, { ...d, share: sharedAccess }) })),
    };
  });

  route(app, designsApi.create, { auth: requireUser }, async (req, reply, user) => {
    const body = req.body;
    // Generous, but a script cannot fill the brokerage with designs (counted in the database: every instance agrees).
    const recent = await withTenant(deps.db, user.brokerageId, (tx) =>
      new DesignRepository(tx).createdLastMinute(user.brokerageId, user.id),
    );
    if (recent >= deps.maxDesignsPerMinute) {
      reply.header('retry-after', '60');
      throw new AppError(429, 'too_many_designs', `At most ${deps.maxDesignsPerMinute} new designs a minute; try again shortly`, {
        retryAfterSeconds: 60,
      });
    }
    let design: Design;
    let templateVersion: number | null = null;
    const own = body.templateId ? await deps.templates.get(deps.db, user.brokerageId, body.templateId) : null;
    if (own) {
      // A template the brokerage authored: its newest version (retired ones are no longer offered).
      if (own.status !== 'published')
        throw new AppError(400, 'validation_failed', 'templateId: this template was retired', {
          fields: [{ field: 'templateId', message: 'retired' }],
        });
      design = {
        meta: { ...own.design.meta, title: body.title, templateId: own.id, templateVersion: own.version },
        objects: own.design.objects,
      };
      templateVersion = own.version;
    } else if (body.templateId) {
      const template = getTemplate(body.templateId);
      if (!template)
        throw new AppError(400, 'validation_failed', 'templateId: no such template', {
          fields: [{ field: 'templateId', message: 'no such template' }],
        });
      const kit = await brokerages.brandKit(user.brokerageId);
      if (!kit) throw notFound('Brokerage');
      design = instantiateTemplate(template, kit, { title: body.title });
      templateVersion = template.version;
    } else {
      const kind = body.kind ?? 'flyer';
      design = { meta: { title: body.title, kind, ...DEFAULT_PAGE_SIZE[kind], background: '#ffffff' }, objects: {} };
    }
    // From a listing: every binding resolved (server/listings); the design remembers the listing.
    const listingMerge = body.listingId
      ? await mergeListingForNewDesign(deps.db, user, design, body.listingId, Boolean(body.templateId))
      : null;
    if (listingMerge) design = listingMerge.design;
    let profileFill: ProfileFillRecord | null = null;
    if (body.templateId) {
      // The person's own details in every agent and office field (name, phone, email, license, headshot, office) from their profile.
      const [agent, kit] = await Promise.all([agentProfile(deps.db, user.brokerageId, user.id), brokerages.brandKit(user.brokerageId)]);
      if (agent && kit) {
        const options = { kit, timeZone: kit.timeZone, licenseStates: kit.rulePacks.filter((p) => p !== 'federal') };
        if (!listingMerge) design = fillAgentBindings(design, agent, options);
        // What was filled, so a later profile change can offer to update it (never what the person retypes).
        profileFill = profileFillRecord(design, agent, options);
      }
    }
    const id = randomUUID();
    const state = designToUpdate(design);
    await deps.db.transaction(async (tx) => {
      await new DesignRepository(tx).create({
        id,
        brokerageId: user.brokerageId,
        ownerId: user.id,
        title: body.title,
        kind: design.meta.kind,
        templateId: body.templateId ?? null,
        templateVersion,
      });
      await deps.store.createDocument(id, state, tx);
      await emit(tx, 'design.created', {
        brokerageId: user.brokerageId,
        actorId: user.id,
        payload: { designId: id, kind: design.meta.kind, ownerId: user.id, templateId: body.templateId ?? null, title: body.title },
      });
      await listingMerge?.link(tx, id);
      if (profileFill) await new DesignRepository(tx).setProfileFill(user.brokerageId, id, profileFill);
    });
    return { id };
  });

  route(app, designsApi.get, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const { access } = await requireDesign(deps.db, user, id);
    const record = await designs.get(user.brokerageId, id);
    if (!record) throw notFound('Design');
    return { ...record, access, canLock: access === 'edit' && canChangeLocked(user), canShare: access === 'edit' };
  });

  /** The design's document as one binary Yjs update (the editor draws it while its socket connects). */
  route(app, designsApi.state, { auth: requireUser }, async (req, reply, user) => {
    const { id } = req.params;
    const { encoding } = req.query;
    await requireDesign(deps.db, user, id);
    const state = await designState(deps.rooms, deps.store, id, encoding);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('cache-control', 'no-store')
      .send(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  });

  route(app, designsApi.rename, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const body = req.body;
    await requireDesign(deps.db, user, id, 'edit');
    if (!(await designs.rename(user.brokerageId, id, body.title))) throw notFound('Design');
    return { id, title: body.title };
  });

  route(app, designsApi.remove, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const { facts } = await requireDesign(deps.db, user, id);
    if (!canDeleteDesign(user, facts)) throw new AppError(403, 'forbidden', 'Only the owner or an admin can delete a design');
    await designs.softDelete(user.brokerageId, id);
  });
}
