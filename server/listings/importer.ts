import { emit } from '../events/index.js';
import { MAX_RECORDS_PER_PAYLOAD, parsePayload, payloadRecords, type RecordError } from '../../shared/listing/index.js';
import type { Db } from '../db/index.js';
import { ListingRepository, type ListingSource, type UpsertOutcome } from './repo.js';

export interface ImportResult {
  imported: number;
  listings: { id: string; listingKey: string; outcome: UpsertOutcome; version: number }[];
  errors: RecordError[];
  /** The page's `@odata.nextLink`, if it had one (uploads do not follow it). */
  nextLink: string | null;
}

export class ImportPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportPayloadError';
  }
}

/** Imports RESO Property records for one brokerage: good records are upserted, bad ones reported and skipped. */
export class ListingImporter {
  constructor(private readonly db: Db) {}

  /** A request body: a single Property, an OData page, or an array of Properties. */
  async importPayload(brokerageId: string, body: unknown, source: ListingSource, timeZone: string): Promise<ImportResult> {
    const page = payloadRecords(body);
    if (!page) throw new ImportPayloadError('Send a RESO Property object, an OData page {"value": [...]}, or an array of Property objects');
    if (page.records.length > MAX_RECORDS_PER_PAYLOAD)
      throw new ImportPayloadError(`At most ${MAX_RECORDS_PER_PAYLOAD} records per request`);
    const result = await this.importRecords(brokerageId, page.records, source, timeZone);
    return { ...result, nextLink: page.nextLink };
  }

  async importRecords(
    brokerageId: string,
    records: readonly unknown[],
    source: ListingSource,
    timeZone: string,
  ): Promise<Omit<ImportResult, 'nextLink'>> {
    const parsed = parsePayload(records, { timeZone });
    const listings: ImportResult['listings'] = [];
    for (const { listing, raw } of parsed.listings) {
      // One transaction per record: the row lock orders concurrent imports of the same listing.
      const r = await this.db.transaction(async (tx) => {
        const result = await new ListingRepository(tx).upsert(brokerageId, listing, raw, source);
        // The domain event travels with the change it describes (same transaction).
        if (result.outcome === 'created' || result.outcome === 'updated') {
          await emit(tx, 'mls.listing.synced', {
            brokerageId,
            payload: {
              listingKey: listing.listingKey.slice(0, 255),
              source,
              status: listing.status ?? undefined,
              changes: result.outcome === 'created' ? ['created'] : result.changes.map((c) => c.field).slice(0, 200),
            },
          });
        }
        return result;
      });
      listings.push({ id: r.id, listingKey: listing.listingKey, outcome: r.outcome, version: r.version });
    }
    return { imported: listings.length, listings, errors: parsed.errors };
  }
}
