/**
 * The demo brokerages' off switch (an operator's, not a brokerage admin's): `SEED_DEMO=false` at start
 * and `npm run admin -- demo off` switch every seeded demo brokerage off, `demo on` back on.
 * Off: nobody signs in to it (its published password no longer opens anything), every session in it
 * ends, and operator listings leave it out; its people, designs and brand kit stay as they were.
 */
import { AuditLog } from '../auth/audit.js';
import type { Db } from '../db/index.js';
import { BrokerageRepository, SessionRepository, type Brokerage } from '../repos/index.js';

export type DemoSwitchSource = 'SEED_DEMO=false' | 'cli';

/** Switches the demo brokerages off or on in one transaction (sessions ended, audited); answers the ones that changed. */
export async function switchDemo(db: Db, on: boolean, via: DemoSwitchSource): Promise<Brokerage[]> {
  return db.transaction(async (tx) => {
    const changed = await new BrokerageRepository(tx).switchDemo(on);
    const audit = new AuditLog(tx);
    for (const b of changed) {
      const sessionsEnded = on ? 0 : await new SessionRepository(tx).revokeAllInBrokerage(b.id, 'brokerage_switched_off');
      await audit.write({
        brokerageId: b.id,
        actorEmail: 'operator',
        action: on ? 'brokerage.switched_on' : 'brokerage.switched_off',
        targetType: 'brokerage',
        targetId: b.id,
        details: { via, demo: true, ...(on ? {} : { sessionsEnded }) },
      });
    }
    return changed;
  });
}
