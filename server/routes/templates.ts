import type { FastifyInstance } from 'fastify';
import { instantiateTemplate, type BrandKit, type Template } from '../../shared/index.js';
import { getTemplate, templateSummaries } from '../../templates/index.js';
import { requireCapability, requireDesign, type AuditLog } from '../auth/index.js';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { AssetRepository, BrokerageRepository } from '../repos/index.js';
import { brokerageFonts, designSvg, type ImageSourceDeps } from '../render/index.js';
import type { BrokerageTemplates } from '../templates/index.js';
import { templatesApi } from '../../shared/api/templates.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

/** Thumbnails are drawn this wide (px); the SVG scales, this sets the size of its inlined images only. */
const THUMB_WIDTH = 480;

/**
 * The template library: the built-in templates (templates/) plus the ones brand
 * managers publish from the editor. Agents see published ones; retired ones stay
 * listed for brand managers (?retired=1) and keep working for designs made from them.
 */
export function registerTemplateRoutes(
  app: FastifyInstance,
  deps: { db: Db; templates: BrokerageTemplates; rooms: RoomManager; store: DocumentStore; audit: AuditLog; dataDir: string },
): void {
  const brokerages = new BrokerageRepository(deps.db);
  const assets = new AssetRepository(deps.db);

  route(app, templatesApi.list, { auth: requireUser }, async (req, _reply, user) => {
    const query = req.query;
    const own = await deps.templates.list(user.brokerageId, query.retired === '1');
    return [...own, ...templateSummaries().map((t) => ({ ...t, source: 'library' as const }))];
  });

  /** The template resolved with the caller's brand kit (what a new design from it looks like). */
  route(app, templatesApi.get, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const own = await deps.templates.get(deps.db, user.brokerageId, id);
    if (own)
      return {
        id: own.id,
        title: own.title,
        kind: own.kind,
        version: own.version,
        source: 'brokerage' as const,
        status: own.status,
        design: own.design,
      };
    const template = getTemplate(id);
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!template || !kit) throw notFound('Template');
    return {
      id: template.id,
      title: template.title,
      kind: template.kind,
      version: template.version,
      source: 'library' as const,
      design: instantiateTemplate(template, kit),
    };
  });

  const imageSource = (brokerageId: string): ImageSourceDeps => ({
    dataDir: deps.dataDir,
    ownsAsset: (assetId) => assets.belongsTo(brokerageId, assetId),
  });
  // Library templates drawn in each brokerage's kit, kept while the kit is unchanged.
  const libraryThumbs = new Map<string, string>();
  const libraryThumbnail = async (brokerageId: string, template: Template, kit: BrandKit): Promise<string> => {
    const fonts = await brokerageFonts(deps.db, brokerageId);
    const key = `${brokerageId}|${template.id}|${template.version}|${fonts.revision}|${JSON.stringify(kit)}`;
    const hit = libraryThumbs.get(key);
    if (hit) return hit;
    const { svg } = await designSvg(instantiateTemplate(template, kit), imageSource(brokerageId), {
      photoStandIns: true,
      width: THUMB_WIDTH,
      book: fonts.book,
    });
    if (libraryThumbs.size > 500) libraryThumbs.clear();
    libraryThumbs.set(key, svg);
    return svg;
  };

  route(app, templatesApi.thumbnail, { auth: requireUser }, async (req, reply, user) => {
    const { id } = req.params;
    const library = getTemplate(id);
    let svg: string | null;
    if (library) {
      const kit = await brokerages.brandKit(user.brokerageId);
      if (!kit) throw notFound('Template');
      svg = await libraryThumbnail(user.brokerageId, library, kit);
    } else svg = await deps.templates.thumbnail(user.brokerageId, id);
    if (!svg) throw notFound('Template');
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'private, max-age=300')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .send(svg);
  });

  /** Brand managers publish a design as a template (again: a new version). Generates the thumbnail. */
  route(app, templatesApi.publish, { auth: (req) => requireCapability(req, 'templates.edit') }, async (req, _reply, user) => {
    const body = req.body;
    await requireDesign(deps.db, user, body.designId, 'view');
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!kit) throw notFound('Brand kit');
    const design = await currentDesign(deps.rooms, deps.store, body.designId);
    const published = await deps.templates.publish({
      brokerageId: user.brokerageId,
      userId: user.id,
      designId: body.designId,
      title: body.title ?? design.meta.title,
      design,
      thumbnail: async (d) =>
        (
          await designSvg(d, imageSource(user.brokerageId), {
            photoStandIns: true,
            width: THUMB_WIDTH,
            book: (await brokerageFonts(deps.db, user.brokerageId)).book,
          })
        ).svg,
    });
    await deps.audit.write({
      brokerageId: user.brokerageId,
      actorId: user.id,
      action: 'template.published',
      targetType: 'template',
      targetId: published.id,
      details: { version: published.version, designId: body.designId },
    });
    return published;
  });

  route(app, templatesApi.retire, { auth: (req) => requireCapability(req, 'templates.edit') }, async (req, _reply, user) => {
    const { id } = req.params;
    if (!(await deps.templates.retire(user.brokerageId, id))) throw notFound('Template');
    await deps.audit.write({
      brokerageId: user.brokerageId,
      actorId: user.id,
      action: 'template.retired',
      targetType: 'template',
      targetId: id,
    });
    return { id, status: 'retired' as const };
  });
}
