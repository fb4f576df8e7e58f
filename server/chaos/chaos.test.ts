/**
 * The short chaos suite (one round of each fault); `npm run chaos` runs the full one and
 * writes its table into docs/RELIABILITY.md. Needs Debian's nginx, postgresql and
 * redis-server, and (as root) the unprivileged user `rbtest`: `.ci/run` installs them.
 */
import { describe, expect, it } from 'vitest';
import { resultTable, runChaos } from './scenario.js';

describe('chaos: faults under twelve editing clients behind nginx', () => {
  it('survives Redis and PostgreSQL outages, a killed instance and a late one, and a log-out during an outage', async () => {
    const results = await runChaos({ rounds: 1, log: (line) => console.log(`[chaos] ${line}`) });
    console.log(resultTable(results));
    expect(results.map((r) => r.fault)).toHaveLength(6);
    for (const r of results) {
      expect(r.problems, r.fault).toEqual([]);
      expect(r.ackedLost, r.fault).toBe(0);
      expect(r.instanceExits, r.fault).toBe(0);
      expect(r.convergeMs, r.fault).not.toBeNull();
    }
  }, 300_000);
});
