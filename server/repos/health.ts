import type { Queryable } from '../db/index.js';

/** The database answers a trivial query (health checks race it against a deadline). */
export async function databaseAnswers(db: Queryable): Promise<boolean> {
  return db.query('SELECT 1').then(
    () => true,
    () => false,
  );
}
