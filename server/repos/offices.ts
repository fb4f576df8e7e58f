import type { Office, OfficeInput } from '../../shared/api/offices.js';
import type { Queryable } from '../db/index.js';

interface OfficeRow {
  id: string;
  name: string;
  street: string;
  city: string;
  state: string;
  postal_code: string;
  phone: string;
  licenses: unknown;
  people: number;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const toOffice = (r: OfficeRow): Office => ({
  id: r.id,
  name: r.name,
  street: r.street,
  city: r.city,
  state: r.state,
  postalCode: r.postal_code,
  phone: r.phone,
  licenses: (json(r.licenses) as Office['licenses']) ?? [],
  people: Number(r.people ?? 0),
});

const SELECT = `SELECT o.id, o.name, o.street, o.city, o.state, o.postal_code, o.phone, o.licenses,
                       (SELECT count(*)::int FROM users u WHERE u.office_id = o.id AND u.brokerage_id = o.brokerage_id AND u.active) AS people
                  FROM offices o`;

/** The brokerage's offices (offices) and who belongs to which (users.office_id); every query scoped to the brokerage. */
export class OfficeRepository {
  constructor(private readonly db: Queryable) {}

  async list(brokerageId: string): Promise<Office[]> {
    const { rows } = await this.db.query<OfficeRow>(`${SELECT} WHERE o.brokerage_id = $1 ORDER BY o.name`, [brokerageId]);
    return rows.map(toOffice);
  }

  async get(brokerageId: string, id: string): Promise<Office | null> {
    const { rows } = await this.db.query<OfficeRow>(`${SELECT} WHERE o.brokerage_id = $1 AND o.id = $2`, [brokerageId, id]);
    return rows[0] ? toOffice(rows[0]) : null;
  }

  /** False when the brokerage has an office of that name already. */
  async create(brokerageId: string, id: string, o: OfficeInput): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO offices (id, brokerage_id, name, street, city, state, postal_code, phone, licenses)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (brokerage_id, name) DO NOTHING RETURNING id`,
      [id, brokerageId, o.name, o.street, o.city, o.state, o.postalCode, o.phone, JSON.stringify(o.licenses)],
    );
    return rows.length > 0;
  }

  /** 'missing' (no such office here), 'name-taken', or 'ok'. */
  async update(brokerageId: string, id: string, o: OfficeInput): Promise<'ok' | 'missing' | 'name-taken'> {
    const { rows: clash } = await this.db.query('SELECT 1 FROM offices WHERE brokerage_id = $1 AND name = $2 AND id <> $3', [
      brokerageId,
      o.name,
      id,
    ]);
    if (clash.length) return 'name-taken';
    const { rows } = await this.db.query(
      `UPDATE offices SET name = $3, street = $4, city = $5, state = $6, postal_code = $7, phone = $8, licenses = $9
        WHERE brokerage_id = $1 AND id = $2 RETURNING id`,
      [brokerageId, id, o.name, o.street, o.city, o.state, o.postalCode, o.phone, JSON.stringify(o.licenses)],
    );
    return rows.length ? 'ok' : 'missing';
  }

  /** Its people belong to no office afterwards (the foreign key sets null). */
  async remove(brokerageId: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query('DELETE FROM offices WHERE brokerage_id = $1 AND id = $2 RETURNING id', [brokerageId, id]);
    return rows.length > 0;
  }

  /** Puts a person in an office of the same brokerage (or none): 'no-person', 'no-office' or 'ok'. */
  async assign(brokerageId: string, userId: string, officeId: string | null): Promise<'ok' | 'no-person' | 'no-office'> {
    if (officeId !== null) {
      const { rows } = await this.db.query('SELECT 1 FROM offices WHERE brokerage_id = $1 AND id = $2', [brokerageId, officeId]);
      if (!rows.length) return 'no-office';
    }
    const { rows } = await this.db.query('UPDATE users SET office_id = $3 WHERE brokerage_id = $1 AND id = $2 RETURNING id', [
      brokerageId,
      userId,
      officeId,
    ]);
    return rows.length ? 'ok' : 'no-person';
  }

  /** The person's office (null: none). */
  async ofPerson(brokerageId: string, userId: string): Promise<Office | null> {
    const { rows } = await this.db.query<OfficeRow>(
      `${SELECT} JOIN users p ON p.office_id = o.id AND p.brokerage_id = o.brokerage_id WHERE o.brokerage_id = $1 AND p.id = $2`,
      [brokerageId, userId],
    );
    return rows[0] ? toOffice(rows[0]) : null;
  }
}
