import type { Db, Queryable } from '../db/index.js';

/** The non-owner role tenant transactions run as (see migration 004): row-level security applies to it. */
export const TENANT_ROLE = 'realbrand_app';

/**
 * Runs `fn` in one transaction bound to one brokerage: `app.brokerage_id` is set
 * for this transaction only and the role is switched to `realbrand_app`, so
 * PostgreSQL's row-level security policies hide every other brokerage's rows
 * even from a query that forgets its `brokerage_id` filter.
 */
export function withTenant<T>(db: Db, brokerageId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('app.brokerage_id', $1, true)", [brokerageId]);
    await tx.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
    return fn(tx);
  });
}
