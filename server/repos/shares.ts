import type { Queryable } from '../db/index.js';

export type ShareAccess = 'view' | 'edit';

export interface DesignShare {
  designId: string;
  userId: string;
  email: string;
  name: string;
  access: ShareAccess;
  sharedBy: string;
  createdAt: string;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** Shares of designs with people of the same brokerage; every query is scoped by brokerage. */
export class ShareRepository {
  constructor(private readonly db: Queryable) {}

  async upsert(input: { brokerageId: string; designId: string; userId: string; access: ShareAccess; sharedBy: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO design_shares (design_id, user_id, brokerage_id, access, shared_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (design_id, user_id) DO UPDATE SET access = EXCLUDED.access, shared_by = EXCLUDED.shared_by`,
      [input.designId, input.userId, input.brokerageId, input.access, input.sharedBy],
    );
  }

  async remove(brokerageId: string, designId: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'DELETE FROM design_shares WHERE brokerage_id = $1 AND design_id = $2 AND user_id = $3 RETURNING user_id',
      [brokerageId, designId, userId],
    );
    return rows.length > 0;
  }

  async accessOf(brokerageId: string, designId: string, userId: string): Promise<ShareAccess | null> {
    const { rows } = await this.db.query<{ access: ShareAccess }>(
      'SELECT access FROM design_shares WHERE brokerage_id = $1 AND design_id = $2 AND user_id = $3',
      [brokerageId, designId, userId],
    );
    return rows[0]?.access ?? null;
  }

  async list(brokerageId: string, designId: string): Promise<DesignShare[]> {
    const { rows } = await this.db.query<{
      design_id: string;
      user_id: string;
      email: string;
      name: string;
      access: ShareAccess;
      shared_by: string;
      created_at: Date | string;
    }>(
      `SELECT s.design_id, s.user_id, u.email, u.name, s.access, s.shared_by, s.created_at
       FROM design_shares s JOIN users u ON u.id = s.user_id AND u.brokerage_id = s.brokerage_id
       WHERE s.brokerage_id = $1 AND s.design_id = $2 ORDER BY u.name`,
      [brokerageId, designId],
    );
    return rows.map((r) => ({
      designId: r.design_id,
      userId: r.user_id,
      email: r.email,
      name: r.name,
      access: r.access,
      sharedBy: r.shared_by,
      createdAt: iso(r.created_at),
    }));
  }
}
