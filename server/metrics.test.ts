import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

/** The exposition lines of one metric family. */
const family = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(name));

describe('metrics kept as plain numbers', () => {
  it('/metrics reports the hot-path counts at scrape time', async () => {
    const m = new Metrics();
    m.hot.updates.client += 3;
    m.hot.updates.remote += 1;
    m.hot.persistQueue = 2;
    m.persistLag.observe(0.02);
    const first = await m.registry.metrics();
    expect(family(first, 'realbrand_doc_updates_total')).toEqual([
      'realbrand_doc_updates_total{source="client"} 3',
      'realbrand_doc_updates_total{source="remote"} 1',
      'realbrand_doc_updates_total{source="load"} 0',
      'realbrand_doc_updates_total{source="server"} 0',
    ]);
    expect(family(first, 'realbrand_persistence_queue')).toEqual(['realbrand_persistence_queue 2']);
    expect(family(first, 'realbrand_persistence_lag_seconds_count')).toEqual(['realbrand_persistence_lag_seconds_count 1']);
    expect(family(first, 'realbrand_persistence_lag_seconds_bucket{le="0.025"}')).toEqual([
      'realbrand_persistence_lag_seconds_bucket{le="0.025"} 1',
    ]);

    // A counter keeps counting between scrapes; a gauge reads its current value.
    m.hot.updates.client += 2;
    m.hot.persistQueue = 0;
    const second = await m.registry.metrics();
    expect(family(second, 'realbrand_doc_updates_total{source="client"}')).toEqual(['realbrand_doc_updates_total{source="client"} 5']);
    expect(family(second, 'realbrand_persistence_queue')).toEqual(['realbrand_persistence_queue 0']);
  });
});
