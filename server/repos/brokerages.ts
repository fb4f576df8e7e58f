import { BrandKitSchema, type BrandKit } from '../../shared/index.js';
import type { Queryable } from '../db/index.js';
import type { Brokerage } from './types.js';

export class BrokerageRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<Brokerage | null> {
    const { rows } = await this.db.query<{ id: string; name: string }>('SELECT id, name FROM brokerages WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** Whether the brokerage's admins require a second factor of everyone (brokerages.settings.requireTwoFactor). */
  async requiresTwoFactor(id: string): Promise<boolean> {
    const { rows } = await this.db.query<{ required: boolean }>(
      "SELECT coalesce(settings->>'requireTwoFactor', 'false') = 'true' AS required FROM brokerages WHERE id = $1",
      [id],
    );
    return Boolean(rows[0]?.required);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM brokerages');
    return Number(rows[0]?.n ?? 0);
  }

  /** Brokerages in use: all but the demo brokerages that are switched off (first-run setup opens while there is none). */
  async countInUse(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM brokerages WHERE NOT (demo AND switched_off_at IS NOT NULL)',
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** `demo`: one of the seeded demo brokerages (which an operator can switch off). */
  async create(input: { id: string; name: string; brandKit: BrandKit; demo?: boolean }): Promise<Brokerage> {
    await this.db.query('INSERT INTO brokerages (id, name, brand_kit, demo) VALUES ($1, $2, $3, $4)', [
      input.id,
      input.name,
      JSON.stringify(input.brandKit),
      input.demo === true,
    ]);
    return { id: input.id, name: input.name };
  }

  /** The seeded demo brokerages, and whether each is switched off (operator commands; across brokerages by design). */
  async demoBrokerages(): Promise<Array<Brokerage & { switchedOff: boolean }>> {
    const { rows } = await this.db.query<{ id: string; name: string; off: boolean }>(
      'SELECT id, name, switched_off_at IS NOT NULL AS off FROM brokerages WHERE demo ORDER BY created_at, name',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, switchedOff: Boolean(r.off) }));
  }

  /** Switches every demo brokerage off (or on); answers the ones that changed (across brokerages by design: an operator's switch). */
  async switchDemo(on: boolean): Promise<Brokerage[]> {
    const { rows } = await this.db.query<{ id: string; name: string }>(
      on
        ? 'UPDATE brokerages SET switched_off_at = NULL WHERE demo AND switched_off_at IS NOT NULL RETURNING id, name'
        : 'UPDATE brokerages SET switched_off_at = now() WHERE demo AND switched_off_at IS NULL RETURNING id, name',
    );
    return rows.map((r) => ({ id: r.id, name: r.name }));
  }

  /**
   * Renames the brokerage and records its licensed states; the brand kit's rule packs become `rulePacks`
   * (one statement, so name, states and packs never disagree). False when there is no such brokerage.
   */
  async updateIdentity(id: string, input: { name: string; licensedStates: string[]; rulePacks: string[] }): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE brokerages
          SET name = $2,
              settings = settings || jsonb_build_object('licensedStates', $3::jsonb),
              brand_kit = jsonb_set(brand_kit, '{rulePacks}', $4::jsonb)
        WHERE id = $1 RETURNING id`,
      [id, input.name, JSON.stringify(input.licensedStates), JSON.stringify(input.rulePacks)],
    );
    return rows.length > 0;
  }

  async updateBrandKit(id: string, kit: BrandKit): Promise<boolean> {
    const { rows } = await this.db.query('UPDATE brokerages SET brand_kit = $2 WHERE id = $1 RETURNING id', [id, JSON.stringify(kit)]);
    return rows.length > 0;
  }

  async brandKit(id: string): Promise<BrandKit | null> {
    const { rows } = await this.db.query<{ brand_kit: unknown }>('SELECT brand_kit FROM brokerages WHERE id = $1', [id]);
    if (!rows[0]) return null;
    const raw = typeof rows[0].brand_kit === 'string' ? JSON.parse(rows[0].brand_kit) : rows[0].brand_kit;
    return BrandKitSchema.parse(raw);
  }

  /** The brokerage's settings object as stored (brokerages.settings); null when there is no such brokerage. */
  async settings(id: string): Promise<Record<string, unknown> | null> {
    const { rows } = await this.db.query<{ settings: unknown }>('SELECT settings FROM brokerages WHERE id = $1', [id]);
    if (!rows[0]) return null;
    return (typeof rows[0].settings === 'string' ? JSON.parse(rows[0].settings) : (rows[0].settings ?? {})) as Record<string, unknown>;
  }

  /** Merges `patch` into the stored settings (keys left out stay as they are). */
  async mergeSettings(id: string, patch: Record<string, unknown>): Promise<void> {
    await this.db.query('UPDATE brokerages SET settings = settings || $2::jsonb WHERE id = $1', [id, JSON.stringify(patch)]);
  }

  /** Whether brokerage policy says a design must be approved before it is exported. */
  async requiresApprovalBeforeExport(id: string): Promise<boolean> {
    const { rows } = await this.db.query<{ required: boolean | null }>(
      "SELECT (settings->>'requireApprovalBeforeExport')::boolean AS required FROM brokerages WHERE id = $1",
      [id],
    );
    return rows[0]?.required === true;
  }
}
