import { randomUUID } from 'node:crypto';
import { DesignSchema, type Design } from '../../shared/index.js';
import type { Db, Queryable } from '../db/index.js';

/** As `GET /api/templates` lists it (shared/api/templates.ts). */
export type { BrokerageTemplateSummary } from '../../shared/api/templates.js';
import type { BrokerageTemplateSummary } from '../../shared/api/templates.js';

interface Row {
  id: string;
  version: number;
  title: string;
  kind: string;
  design: unknown;
  status: 'published' | 'retired';
  source_design_id: string | null;
  created_at: Date | string;
}

const parseDesign = (v: unknown): Design => DesignSchema.parse(typeof v === 'string' ? JSON.parse(v) : v);

const summary = (r: Row): BrokerageTemplateSummary => {
  const design = parseDesign(r.design);
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    version: Number(r.version),
    width: design.meta.width,
    height: design.meta.height,
    source: 'brokerage',
    status: r.status,
    sourceDesignId: r.source_design_id,
    publishedAt: new Date(r.created_at).toISOString(),
  };
};

/**
 * Templates authored in the editor: a brand manager publishes a design as a
 * template (each publish of the same design is a new version), and retires
 * templates that should no longer be offered. Designs keep the version they came from.
 */
export class BrokerageTemplates {
  constructor(private readonly db: Db) {}

  /** Publishes the design's current state; returns the template id and its new version. */
  async publish(input: {
    brokerageId: string;
    userId: string;
    designId: string;
    title: string;
    design: Design;
    thumbnail: (design: Design) => Promise<string>;
  }): Promise<{ id: string; version: number }> {
    // The template is the design as it stands, without its own template link.
    const { templateId: _t, templateVersion: _v, ...meta } = input.design.meta;
    const design: Design = { meta: { ...meta, title: input.title }, objects: input.design.objects };
    const thumbnail = await input.thumbnail(design);
    return this.db.transaction(async (tx) => {
      const previous = await tx.query<{ id: string; version: number }>(
        'SELECT id, max(version) AS version FROM brokerage_templates WHERE brokerage_id = $1 AND source_design_id = $2 GROUP BY id',
        [input.brokerageId, input.designId],
      );
      const id = previous.rows[0]?.id ?? `bt-${randomUUID().slice(0, 8)}`;
      const version = Number(previous.rows[0]?.version ?? 0) + 1;
      await tx.query(
        `INSERT INTO brokerage_templates (id, version, brokerage_id, source_design_id, title, kind, design, thumbnail_svg, status, published_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published', $9)`,
        [id, version, input.brokerageId, input.designId, input.title, design.meta.kind, JSON.stringify(design), thumbnail, input.userId],
      );
      // Publishing a new version brings a retired template back.
      await tx.query("UPDATE brokerage_templates SET status = 'published' WHERE brokerage_id = $1 AND id = $2", [input.brokerageId, id]);
      return { id, version };
    });
  }

  async retire(brokerageId: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query(
      "UPDATE brokerage_templates SET status = 'retired' WHERE brokerage_id = $1 AND id = $2 RETURNING id",
      [brokerageId, id],
    );
    return rows.length > 0;
  }

  /** The newest version of each template of the brokerage (retired ones only when asked). */
  async list(brokerageId: string, includeRetired = false): Promise<BrokerageTemplateSummary[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT DISTINCT ON (id) id, version, title, kind, design, status, source_design_id, created_at
       FROM brokerage_templates WHERE brokerage_id = $1 ORDER BY id, version DESC`,
      [brokerageId],
    );
    return rows
      .map(summary)
      .filter((t) => includeRetired || t.status === 'published')
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  }

  /** One version (the newest when not given) with its design. */
  async get(
    tx: Queryable,
    brokerageId: string,
    id: string,
    version?: number,
  ): Promise<(BrokerageTemplateSummary & { design: Design }) | null> {
    const { rows } = await tx.query<Row>(
      `SELECT id, version, title, kind, design, status, source_design_id, created_at FROM brokerage_templates
       WHERE brokerage_id = $1 AND id = $2 AND ($3::int IS NULL OR version = $3) ORDER BY version DESC LIMIT 1`,
      [brokerageId, id, version ?? null],
    );
    const r = rows[0];
    return r ? { ...summary(r), design: parseDesign(r.design) } : null;
  }

  async thumbnail(brokerageId: string, id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ thumbnail_svg: string }>(
      'SELECT thumbnail_svg FROM brokerage_templates WHERE brokerage_id = $1 AND id = $2 ORDER BY version DESC LIMIT 1',
      [brokerageId, id],
    );
    return rows[0]?.thumbnail_svg ?? null;
  }
}
