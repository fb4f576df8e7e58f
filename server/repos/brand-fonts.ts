import type { Queryable } from '../db/index.js';

export interface NewBrandFont {
  id: string;
  brokerageId: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  format: 'ttf' | 'otf' | 'woff2';
  bytes: Uint8Array;
  sha256: string;
  createdBy: string;
}

export interface BrandFontRow {
  id: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  format: 'ttf' | 'otf' | 'woff2';
  sha256: string;
  createdAt: Date;
}

const COLUMNS = 'id, family, weight, style, format, sha256, created_at AS "createdAt"';

/** Fonts uploaded to a brokerage's brand kit; every query is scoped to the brokerage. */
export class BrandFontRepository {
  constructor(private readonly db: Queryable) {}

  /** False when the brokerage already has this family/weight/style. */
  async create(f: NewBrandFont): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO brand_fonts (id, brokerage_id, family, weight, style, format, bytes, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (brokerage_id, family, weight, style) DO NOTHING RETURNING id`,
      [f.id, f.brokerageId, f.family, f.weight, f.style, f.format, Buffer.from(f.bytes), f.sha256, f.createdBy],
    );
    return rows.length > 0;
  }

  async list(brokerageId: string): Promise<BrandFontRow[]> {
    const { rows } = await this.db.query<BrandFontRow>(
      `SELECT ${COLUMNS} FROM brand_fonts WHERE brokerage_id = $1 ORDER BY family, weight, style`,
      [brokerageId],
    );
    return rows;
  }

  /** Every face with its bytes (what a render of this brokerage's designs draws with). */
  async listWithBytes(brokerageId: string): Promise<Array<BrandFontRow & { bytes: Uint8Array }>> {
    const { rows } = await this.db.query<BrandFontRow & { bytes: Uint8Array }>(
      `SELECT ${COLUMNS}, bytes FROM brand_fonts WHERE brokerage_id = $1 ORDER BY family, weight, style`,
      [brokerageId],
    );
    return rows;
  }

  async file(brokerageId: string, id: string): Promise<{ format: BrandFontRow['format']; sha256: string; bytes: Uint8Array } | null> {
    const { rows } = await this.db.query<{ format: BrandFontRow['format']; sha256: string; bytes: Uint8Array }>(
      'SELECT format, sha256, bytes FROM brand_fonts WHERE id = $1 AND brokerage_id = $2',
      [id, brokerageId],
    );
    return rows[0] ?? null;
  }

  /** The deleted row (null when there was none in this brokerage). */
  async remove(brokerageId: string, id: string): Promise<BrandFontRow | null> {
    const { rows } = await this.db.query<BrandFontRow>(`DELETE FROM brand_fonts WHERE id = $1 AND brokerage_id = $2 RETURNING ${COLUMNS}`, [
      id,
      brokerageId,
    ]);
    return rows[0] ?? null;
  }

  /** Changes whenever the brokerage's fonts change (render caches key on it). */
  async revision(brokerageId: string): Promise<string> {
    const { rows } = await this.db.query<{ rev: string | null }>(
      "SELECT string_agg(sha256 || ':' || family || ':' || weight || ':' || style, ',' ORDER BY id) AS rev FROM brand_fonts WHERE brokerage_id = $1",
      [brokerageId],
    );
    return rows[0]?.rev ?? '';
  }
}
