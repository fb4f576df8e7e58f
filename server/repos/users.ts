import type { Queryable } from '../db/index.js';
import type { Role, User } from './types.js';

interface UserRow {
  id: string;
  brokerage_id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  brokerageId: r.brokerage_id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
});

export class UserRepository {
  constructor(private readonly db: Queryable) {}

  /** Log-in is the one lookup not scoped by brokerage: the email is how we find it. */
  async findForLogin(email: string): Promise<(User & { passwordHash: string }) | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.trim().toLowerCase()]);
    const row = rows[0];
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async get(brokerageId: string, id: string): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE brokerage_id = $1 AND id = $2', [brokerageId, id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async list(brokerageId: string): Promise<User[]> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE brokerage_id = $1 ORDER BY name', [brokerageId]);
    return rows.map(toUser);
  }

  async create(input: { id: string; brokerageId: string; email: string; name: string; role: Role; passwordHash: string; profile?: object }): Promise<User> {
    const { rows } = await this.db.query<UserRow>(
      `INSERT INTO users (id, brokerage_id, email, name, role, password_hash, profile)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [input.id, input.brokerageId, input.email.trim().toLowerCase(), input.name, input.role, input.passwordHash, JSON.stringify(input.profile ?? {})],
    );
    return toUser(rows[0]!);
  }
}
