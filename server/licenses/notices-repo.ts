import type { Queryable } from '../db/index.js';

/** The license-expiry notices sent (license_expiry_notices, migration 140). */
export class LicenseNoticeRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Records that this license's expiry on this date is being notified; true when this call made the
   * record (then the caller sends, in the same transaction), false when it was sent before or another
   * instance is sending it now (its insert holds the key until it commits).
   */
  async claim(input: { userId: string; brokerageId: string; state: string; number: string; expiresOn: string }): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO license_expiry_notices (user_id, brokerage_id, state, license_number, expires_on)
       VALUES ($1, $2, $3, $4, $5::date)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [input.userId, input.brokerageId, input.state, input.number, input.expiresOn],
    );
    return rows.length > 0;
  }

  /** Notes which inbox notification a claimed notice made. */
  async noteNotification(
    key: { userId: string; brokerageId: string; state: string; number: string; expiresOn: string },
    notificationId: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE license_expiry_notices SET notification_id = $6
        WHERE user_id = $1 AND brokerage_id = $2 AND state = $3 AND license_number = $4 AND expires_on = $5::date`,
      [key.userId, key.brokerageId, key.state, key.number, key.expiresOn, notificationId],
    );
  }

  /** How many notices this brokerage has had sent for a person (tests, support). */
  async countFor(brokerageId: string, userId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM license_expiry_notices WHERE brokerage_id = $1 AND user_id = $2',
      [brokerageId, userId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
