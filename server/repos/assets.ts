import type { Queryable } from '../db/index.js';

export interface AssetRecord {
  id: string;
  brokerageId: string;
  ownerId: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  sha256: string;
}

/** Uploaded images (the bytes live under DATA_DIR/assets; the row says whose they are). */
export class AssetRepository {
  constructor(private readonly db: Queryable) {}

  async create(a: AssetRecord): Promise<void> {
    await this.db.query(
      'INSERT INTO assets (id, brokerage_id, owner_id, mime, size, width, height, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [a.id, a.brokerageId, a.ownerId, a.mime, a.size, a.width, a.height, a.sha256],
    );
  }

  /** What serving the file needs, for this brokerage only. */
  async get(brokerageId: string, id: string): Promise<{ mime: string; sha256: string } | null> {
    const { rows } = await this.db.query<{ mime: string; sha256: string }>(
      'SELECT mime, sha256 FROM assets WHERE id = $1 AND brokerage_id = $2',
      [id, brokerageId],
    );
    return rows[0] ?? null;
  }

  async belongsTo(brokerageId: string, id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM assets WHERE brokerage_id = $1 AND id = $2', [brokerageId, id])).rows.length > 0;
  }
}
