import type { Queryable } from '../db/index.js';
import type { DesignRecord, DesignStatus } from './types.js';

interface DesignRow {
  id: string;
  brokerage_id: string;
  owner_id: string;
  owner_name: string;
  title: string;
  kind: string;
  template_id: string | null;
  template_version: number | null;
  status: DesignStatus;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

const toRecord = (r: DesignRow): DesignRecord => ({
  id: r.id,
  brokerageId: r.brokerage_id,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  title: r.title,
  kind: r.kind,
  templateId: r.template_id,
  templateVersion: r.template_version,
  status: r.status,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const SELECT = `SELECT d.id, d.brokerage_id, d.owner_id, u.name AS owner_name, d.title, d.kind, d.template_id,
  d.template_version, d.status, d.created_at, d.updated_at
  FROM designs d JOIN users u ON u.id = d.owner_id`;

/**
 * Which designs a user sees ($1 brokerage, $2 user, $3 all of the brokerage's): their own, those shared with
 * them, or every one when `all`. The designs list and the listings' designs use this one rule.
 */
const VISIBLE_JOIN = 'LEFT JOIN design_shares s ON s.design_id = d.id AND s.user_id = $2 AND s.brokerage_id = d.brokerage_id';
const VISIBLE_WHERE = 'd.brokerage_id = $1 AND d.deleted_at IS NULL AND ($3::boolean OR d.owner_id = $2 OR s.user_id IS NOT NULL)';

/** Every read is scoped by brokerage: a design of another brokerage does not exist for the caller. */
export class DesignRepository {
  constructor(private readonly db: Queryable) {}

  async create(input: {
    id: string;
    brokerageId: string;
    ownerId: string;
    title: string;
    kind: string;
    templateId?: string | null;
    templateVersion?: number | null;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO designs (id, brokerage_id, owner_id, title, kind, template_id, template_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [input.id, input.brokerageId, input.ownerId, input.title, input.kind, input.templateId ?? null, input.templateVersion ?? null],
    );
  }

  /** Records what the design shows from its owner's profile and office (designs.profile_fill). */
  async setProfileFill(brokerageId: string, id: string, record: object): Promise<void> {
    await this.db.query('UPDATE designs SET profile_fill = $3 WHERE brokerage_id = $1 AND id = $2', [
      brokerageId,
      id,
      JSON.stringify(record),
    ]);
  }

  /** The owner's live designs that were filled from their profile, with what the fill recorded, newest first. */
  async profileFilled(brokerageId: string, ownerId: string): Promise<Array<{ id: string; title: string; record: unknown }>> {
    const { rows } = await this.db.query<{ id: string; title: string; profile_fill: unknown }>(
      `SELECT id, title, profile_fill FROM designs
        WHERE brokerage_id = $1 AND owner_id = $2 AND deleted_at IS NULL AND profile_fill IS NOT NULL
        ORDER BY updated_at DESC`,
      [brokerageId, ownerId],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      record: typeof r.profile_fill === 'string' ? JSON.parse(r.profile_fill) : r.profile_fill,
    }));
  }

  async get(brokerageId: string, id: string): Promise<DesignRecord | null> {
    const { rows } = await this.db.query<DesignRow>(`${SELECT} WHERE d.brokerage_id = $1 AND d.id = $2 AND d.deleted_at IS NULL`, [
      brokerageId,
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Where a design lives, whoever asks (the socket uses it to tell 4403 from 4404). */
  async brokerageOf(id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ brokerage_id: string }>(
      'SELECT brokerage_id FROM designs WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    return rows[0]?.brokerage_id ?? null;
  }

  async listByOwner(brokerageId: string, ownerId: string): Promise<DesignRecord[]> {
    const { rows } = await this.db.query<DesignRow>(
      `${SELECT} WHERE d.brokerage_id = $1 AND d.owner_id = $2 AND d.deleted_at IS NULL ORDER BY d.updated_at DESC LIMIT 500`,
      [brokerageId, ownerId],
    );
    return rows.map(toRecord);
  }

  /**
   * What the permission check needs about one design for one user, whoever asks:
   * its brokerage and owner, and that user's share of it. Null when it does not exist.
   */
  async accessFacts(id: string, userId: string): Promise<{ brokerageId: string; ownerId: string; share: 'view' | 'edit' | null } | null> {
    const { rows } = await this.db.query<{ brokerage_id: string; owner_id: string; access: 'view' | 'edit' | null }>(
      `SELECT d.brokerage_id, d.owner_id, s.access FROM designs d
       LEFT JOIN design_shares s ON s.design_id = d.id AND s.user_id = $2 AND s.brokerage_id = d.brokerage_id
       WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [id, userId],
    );
    const r = rows[0];
    return r ? { brokerageId: r.brokerage_id, ownerId: r.owner_id, share: r.access ?? null } : null;
  }

  /** The user's own designs and those shared with them (all of the brokerage's when `all`), newest first. */
  async listVisible(
    brokerageId: string,
    userId: string,
    all = false,
  ): Promise<Array<DesignRecord & { sharedAccess: 'view' | 'edit' | null }>> {
    const { rows } = await this.db.query<DesignRow & { shared_access: 'view' | 'edit' | null }>(
      `${SELECT} ${VISIBLE_JOIN} WHERE ${VISIBLE_WHERE} ORDER BY d.updated_at DESC LIMIT 500`.replace(
        'SELECT d.id,',
        'SELECT s.access AS shared_access, d.id,',
      ),
      [brokerageId, userId, all],
    );
    return rows.map((r) => ({ ...toRecord(r), sharedAccess: r.shared_access ?? null }));
  }

  /**
   * Per listing, the newest `perListing` designs made from it that the user sees (same rule as `listVisible`)
   * and how many they see in all. Listings without any are left out.
   */
  async visibleByListing(
    brokerageId: string,
    userId: string,
    all: boolean,
    listingIds: string[],
    perListing: number,
  ): Promise<Map<string, { designs: Array<{ id: string; title: string; updatedAt: string }>; total: number }>> {
    const out = new Map<string, { designs: Array<{ id: string; title: string; updatedAt: string }>; total: number }>();
    if (listingIds.length === 0) return out;
    const { rows } = await this.db.query<{ listing_id: string; id: string; title: string; updated_at: Date | string; n: number }>(
      `SELECT listing_id, id, title, updated_at, n FROM (
         SELECT d.listing_id, d.id, d.title, d.updated_at,
           row_number() OVER (PARTITION BY d.listing_id ORDER BY d.updated_at DESC, d.id) AS rank,
           count(*) OVER (PARTITION BY d.listing_id)::int AS n
         FROM designs d ${VISIBLE_JOIN}
         WHERE ${VISIBLE_WHERE} AND d.listing_id = ANY($4::text[])
       ) v WHERE rank <= $5 ORDER BY listing_id, rank`,
      [brokerageId, userId, all, listingIds, perListing],
    );
    for (const r of rows) {
      const entry = out.get(r.listing_id) ?? { designs: [], total: Number(r.n) };
      entry.designs.push({ id: r.id, title: r.title, updatedAt: iso(r.updated_at) });
      out.set(r.listing_id, entry);
    }
    return out;
  }

  async rename(brokerageId: string, id: string, title: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE designs SET title = $3, updated_at = now() WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id',
      [brokerageId, id, title],
    );
    return rows.length > 0;
  }

  async softDelete(brokerageId: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'UPDATE designs SET deleted_at = now() WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id',
      [brokerageId, id],
    );
    return rows.length > 0;
  }

  /** How many designs this person started in the last minute (the rate limit every instance agrees on). */
  async createdLastMinute(brokerageId: string, ownerId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM designs WHERE brokerage_id = $1 AND owner_id = $2 AND created_at > now() - interval '1 minute'`,
      [brokerageId, ownerId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Title, kind and status of several designs of one brokerage (deleted ones included: presence may outlive a delete). */
  async summaries(brokerageId: string, ids: string[]): Promise<Array<{ id: string; title: string; kind: string; status: string }>> {
    if (!ids.length) return [];
    const { rows } = await this.db.query<{ id: string; title: string; kind: string; status: string }>(
      'SELECT id, title, kind, status FROM designs WHERE brokerage_id = $1 AND id = ANY($2::text[])',
      [brokerageId, ids],
    );
    return rows;
  }

  /** The design's title (deleted ones included), or null. */
  async title(brokerageId: string, id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ title: string }>('SELECT title FROM designs WHERE id = $1 AND brokerage_id = $2', [
      id,
      brokerageId,
    ]);
    return rows[0]?.title ?? null;
  }
}
