/** The scoring context: what the rules need about a design's brokerage and owner, read in few statements. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../shared/index.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { ScoringContextProvider } from './context.js';

describe('ScoringContextProvider', () => {
  let tdb: TestDatabase;
  let db: Db;
  /** The same database, counting the statements the provider sends. */
  let counted: Db;
  let statements = 0;
  let addDesign: (designId: string) => Promise<void>;

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    addDesign = await designRows(db, 'ctx');
    await db.query('UPDATE brokerages SET brand_kit = $1 WHERE id = $2', [JSON.stringify(DEMO_BRAND_KIT), 'ctx-b']);
    await db.query(`UPDATE users SET profile = $1 WHERE id = 'ctx-u'`, [JSON.stringify({ licenseNumbers: { CA: '01234567' } })]);
    counted = {
      ...db,
      query: (sql, params) => {
        statements++;
        return db.query(sql, params);
      },
    };
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('builds each design’s context from its brokerage’s kit and its owner, reading the kit once for all designs', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `ctx-d${i}`);
    for (const id of ids) await addDesign(id);
    const contexts = new ScoringContextProvider(counted);
    statements = 0;
    const built = await Promise.all(ids.map((id) => contexts.forDesign(id)));
    for (const ctx of built) {
      expect(ctx?.brandKit.palette).toEqual(DEMO_BRAND_KIT.palette);
      expect(ctx?.agents).toEqual([{ name: 'CTX', licenseNumbers: { CA: '01234567' } }]);
    }
    expect(contexts.brokerageOf('ctx-d3')).toBe('ctx-b');
    // The designs asked for at once in one statement, the kit once and the brokerage's uploaded
    // fonts' revision once: 3, not one per design, kit and font book (60).
    expect(statements).toBe(3);

    statements = 0;
    const again = await Promise.all(ids.map((id) => contexts.forDesign(id)));
    expect(statements).toBe(0); // all fresh: no statement
    expect(again[0]).toEqual(built[0]);
  });

  it('answers null for a design that is not there, and forgets what it was told to', async () => {
    const contexts = new ScoringContextProvider(counted);
    expect(await contexts.forDesign('ctx-missing')).toBeNull();
    await addDesign('ctx-forget');
    expect(await contexts.forDesign('ctx-forget')).not.toBeNull();
    contexts.forget('ctx-forget');
    expect(contexts.brokerageOf('ctx-forget')).toBeUndefined();
  });
});
