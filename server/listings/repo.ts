import { randomUUID } from 'node:crypto';
import { formatAddressOneLine, ListingSchema, type Listing } from '../../shared/listing/index.js';
import type { Queryable } from '../db/index.js';

export type { ListingSource, ListingSummary } from '../../shared/api/listings.js';
import type { ListingSource, ListingSummary } from '../../shared/api/listings.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ListingRecord extends ListingSummary {
  listing: Listing;
  createdAt: string;
}

export interface ListingHistoryEntry {
  version: number;
  changes: FieldChange[];
  source: ListingSource;
  createdAt: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

interface ListingRow {
  id: string;
  listing_key: string;
  version: number;
  status: string | null;
  list_price: number | null;
  address: string;
  data: unknown;
  source: ListingSource;
  modification_timestamp: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Where the app loads a listing's photo from: our own server (see photos.ts), never the MLS's. */
export const listingPhotoPath = (listingId: string, index: number): string =>
  `/api/listings/${encodeURIComponent(listingId)}/photos/${index}`;

/** A design image `src` that is one of our listing photo paths. */
export function parseListingPhotoPath(src: string): { listingId: string; index: number } | null {
  const m = /^\/api\/listings\/([0-9a-zA-Z_-]{1,64})\/photos\/(\d{1,3})$/.exec(src);
  return m ? { listingId: m[1]!, index: Number(m[2]) } : null;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function toRecord(r: ListingRow): ListingRecord {
  const listing = ListingSchema.parse(json(r.data));
  return {
    id: r.id,
    listingKey: r.listing_key,
    version: Number(r.version),
    status: r.status,
    listPrice: r.list_price === null ? null : Number(r.list_price),
    address: r.address,
    photo: listing.photos.length > 0 ? listingPhotoPath(r.id, 0) : null,
    source: r.source,
    modificationTimestamp: r.modification_timestamp ? iso(r.modification_timestamp) : null,
    updatedAt: iso(r.updated_at),
    createdAt: iso(r.created_at),
    listing,
  };
}

/** Top-level fields of the normalised listing that differ (modification time is not a change). */
export function listingChanges(before: Listing, after: Listing): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Listing>;
  for (const key of keys) {
    if (key === 'modificationTimestamp') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      out.push({ field: key, from: before[key] ?? null, to: after[key] ?? null });
  }
  return out;
}

const SELECT = `SELECT id, listing_key, version, status, list_price, address, data, source, modification_timestamp, created_at, updated_at FROM listings`;

/** Listings of one brokerage; every query is scoped by brokerage. */
export class ListingRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Inserts or updates by ListingKey. An update that changes the normalised
   * data bumps the version and records what changed; a record older than the
   * stored one (by ModificationTimestamp) is ignored as stale.
   */
  async upsert(
    brokerageId: string,
    listing: Listing,
    raw: unknown,
    source: ListingSource,
  ): Promise<{ id: string; outcome: UpsertOutcome; version: number; changes: FieldChange[] }> {
    const address = formatAddressOneLine(listing.address);
    const inserted = await this.db.query<{ id: string }>(
      `INSERT INTO listings (id, brokerage_id, listing_key, status, list_price, address, data, raw, source, modification_timestamp)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (brokerage_id, listing_key) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        brokerageId,
        listing.listingKey,
        listing.status,
        listing.listPrice,
        address,
        JSON.stringify(listing),
        JSON.stringify(raw),
        source,
        listing.modificationTimestamp,
      ],
    );
    if (inserted.rows[0]) {
      const id = inserted.rows[0].id;
      await this.db.query(
        `INSERT INTO listing_changes (listing_id, brokerage_id, version, changes, data, source) VALUES ($1, $2, 1, '[]'::jsonb, $3, $4)`,
        [id, brokerageId, JSON.stringify(listing), source],
      );
      return { id, outcome: 'created', version: 1, changes: [] };
    }
    const { rows } = await this.db.query<{ id: string; version: number; data: unknown; modification_timestamp: Date | string | null }>(
      'SELECT id, version, data, modification_timestamp FROM listings WHERE brokerage_id = $1 AND listing_key = $2 FOR UPDATE',
      [brokerageId, listing.listingKey],
    );
    const current = rows[0]!;
    const version = Number(current.version);
    const stored = current.modification_timestamp ? Date.parse(iso(current.modification_timestamp)) : null;
    const incoming = listing.modificationTimestamp ? Date.parse(listing.modificationTimestamp) : null;
    if (stored !== null && incoming !== null && incoming < stored) return { id: current.id, outcome: 'stale', version, changes: [] };
    const before = ListingSchema.safeParse(json(current.data));
    const changes = before.success ? listingChanges(before.data, listing) : [{ field: '(all)', from: null, to: null }];
    if (changes.length === 0) {
      await this.db.query('UPDATE listings SET raw = $3, modification_timestamp = $4, data = $5 WHERE brokerage_id = $1 AND id = $2', [
        brokerageId,
        current.id,
        JSON.stringify(raw),
        listing.modificationTimestamp,
        JSON.stringify(listing),
      ]);
      return { id: current.id, outcome: 'unchanged', version, changes };
    }
    const next = version + 1;
    await this.db.query(
      `UPDATE listings SET version = $3, status = $4, list_price = $5, address = $6, data = $7, raw = $8, source = $9,
         modification_timestamp = $10, updated_at = now() WHERE brokerage_id = $1 AND id = $2`,
      [
        brokerageId,
        current.id,
        next,
        listing.status,
        listing.listPrice,
        address,
        JSON.stringify(listing),
        JSON.stringify(raw),
        source,
        listing.modificationTimestamp,
      ],
    );
    await this.db.query(
      `INSERT INTO listing_changes (listing_id, brokerage_id, version, changes, data, source) VALUES ($1, $2, $3, $4, $5, $6)`,
      [current.id, brokerageId, next, JSON.stringify(changes), JSON.stringify(listing), source],
    );
    return { id: current.id, outcome: 'updated', version: next, changes };
  }

  async get(brokerageId: string, id: string): Promise<ListingRecord | null> {
    const { rows } = await this.db.query<ListingRow>(`${SELECT} WHERE brokerage_id = $1 AND id = $2`, [brokerageId, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(
    brokerageId: string,
    opts: { q?: string; status?: string; limit: number; offset: number },
  ): Promise<{ listings: ListingSummary[]; total: number }> {
    const where = ['brokerage_id = $1'];
    const params: unknown[] = [brokerageId];
    if (opts.q) {
      params.push(`%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(address ILIKE $${params.length} OR listing_key ILIKE $${params.length})`);
    }
    if (opts.status) {
      params.push(opts.status);
      where.push(`status = $${params.length}`);
    }
    const count = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM listings WHERE ${where.join(' AND ')}`, params);
    params.push(opts.limit, opts.offset);
    const { rows } = await this.db.query<ListingRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      listings: rows.map((r) => {
        const { listing: _listing, createdAt: _createdAt, ...summary } = toRecord(r);
        return summary;
      }),
      total: Number(count.rows[0]?.n ?? 0),
    };
  }

  async history(brokerageId: string, id: string, limit = 50): Promise<ListingHistoryEntry[]> {
    const { rows } = await this.db.query<{ version: number; changes: unknown; source: ListingSource; created_at: Date | string }>(
      'SELECT version, changes, source, created_at FROM listing_changes WHERE brokerage_id = $1 AND listing_id = $2 ORDER BY version DESC LIMIT $3',
      [brokerageId, id, limit],
    );
    return rows.map((r) => ({
      version: Number(r.version),
      changes: json(r.changes) as FieldChange[],
      source: r.source,
      createdAt: iso(r.created_at),
    }));
  }

  /** The listing as it was at a version (from the change history). */
  async atVersion(brokerageId: string, id: string, version: number): Promise<Listing | null> {
    const { rows } = await this.db.query<{ data: unknown }>(
      'SELECT data FROM listing_changes WHERE brokerage_id = $1 AND listing_id = $2 AND version = $3 ORDER BY id DESC LIMIT 1',
      [brokerageId, id, version],
    );
    if (!rows[0]) return null;
    const parsed = ListingSchema.safeParse(json(rows[0].data));
    return parsed.success ? parsed.data : null;
  }
}
