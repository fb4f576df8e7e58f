/** Access requests' storage (every query scoped to the brokerage). */
import type { Queryable } from '../db/index.js';
import type { AccessRequest } from '../../shared/api/access.js';

export type { AccessRequest };

interface Row {
  id: string;
  design_id: string;
  requester_id: string;
  requester_name: string;
  requester_email: string;
  access: 'view' | 'edit';
  message: string | null;
  status: 'pending' | 'granted';
  created_at: Date | string;
}

const toRequest = (r: Row): AccessRequest => ({
  id: r.id,
  designId: r.design_id,
  requesterId: r.requester_id,
  requesterName: r.requester_name,
  requesterEmail: r.requester_email,
  access: r.access,
  message: r.message,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
});

const SELECT = `SELECT r.*, u.name AS requester_name, u.email AS requester_email FROM access_requests r JOIN users u ON u.id = r.requester_id AND u.brokerage_id = r.brokerage_id`;

export class AccessRequestRepository {
  constructor(private readonly db: Queryable) {}

  /** The design's owner and title, when it is a live design of this brokerage. */
  async design(brokerageId: string, designId: string): Promise<{ ownerId: string; ownerName: string; title: string } | null> {
    const { rows } = await this.db.query<{ owner_id: string; owner_name: string; title: string }>(
      'SELECT d.owner_id, u.name AS owner_name, d.title FROM designs d JOIN users u ON u.id = d.owner_id WHERE d.id = $1 AND d.brokerage_id = $2 AND d.deleted_at IS NULL',
      [designId, brokerageId],
    );
    return rows[0] ? { ownerId: rows[0].owner_id, ownerName: rows[0].owner_name, title: rows[0].title } : null;
  }

  /** Creates the person's open request for the design, or updates it (asking again). */
  async upsertPending(input: {
    id: string;
    brokerageId: string;
    designId: string;
    requesterId: string;
    access: 'view' | 'edit';
    message: string | null;
  }): Promise<{ id: string; created: boolean }> {
    const { rows } = await this.db.query<{ id: string; created: boolean }>(
      `INSERT INTO access_requests (id, brokerage_id, design_id, requester_id, access, message) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (design_id, requester_id) WHERE status = 'pending' DO UPDATE SET access = EXCLUDED.access, message = EXCLUDED.message, created_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [input.id, input.brokerageId, input.designId, input.requesterId, input.access, input.message],
    );
    return { id: rows[0]!.id, created: Boolean(rows[0]!.created) };
  }

  async pendingFor(brokerageId: string, designId: string, requesterId?: string): Promise<AccessRequest[]> {
    const { rows } = await this.db.query<Row>(
      `${SELECT} WHERE r.brokerage_id = $1 AND r.design_id = $2 AND r.status = 'pending' AND ($3::text IS NULL OR r.requester_id = $3) ORDER BY r.created_at`,
      [brokerageId, designId, requesterId ?? null],
    );
    return rows.map(toRequest);
  }

  async get(brokerageId: string, id: string): Promise<AccessRequest | null> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE r.brokerage_id = $1 AND r.id = $2`, [brokerageId, id]);
    return rows[0] ? toRequest(rows[0]) : null;
  }

  /** Marks a pending request granted; false when it was granted already. */
  async markGranted(brokerageId: string, id: string, by: string): Promise<boolean> {
    const { rows } = await this.db.query(
      "UPDATE access_requests SET status = 'granted', decided_at = now(), decided_by = $3 WHERE brokerage_id = $1 AND id = $2 AND status = 'pending' RETURNING id",
      [brokerageId, id, by],
    );
    return rows.length > 0;
  }
}
