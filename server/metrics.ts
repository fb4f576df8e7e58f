import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one app instance (its own registry, so tests can build several apps). */
export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'realbrand_ws_connections', help: 'Open collaboration sockets', registers: [this.registry] });
  readonly rooms = new Gauge({ name: 'realbrand_rooms_loaded', help: 'Design rooms loaded in memory', registers: [this.registry] });
  /**
   * Figures the collaboration hot path bumps per edit: plain numbers, handed to prom-client at scrape
   * time. A prom-client counter or gauge step costs 0.2-1.5 us per edit; these cost a field increment.
   */
  readonly hot = {
    updates: { client: 0, remote: 0, load: 0, server: 0 },
    /** Updates waiting to be committed. */
    persistQueue: 0,
  };
  readonly updates: Counter<'source'> = new Counter({
    name: 'realbrand_doc_updates_total',
    help: 'Document updates applied (rate() gives updates/s)',
    labelNames: ['source'],
    registers: [this.registry],
    collect: (): void => {
      this.updates.reset();
      for (const [source, n] of Object.entries(this.hot.updates)) this.updates.inc({ source }, n);
    },
  });
  /** Observed once per log write (not per edit): a plain prom-client histogram. */
  readonly persistLag = new Histogram({
    name: 'realbrand_persistence_lag_seconds',
    help: 'Time from an update arriving to its commit in the update log',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly persistQueue: Gauge = new Gauge({
    name: 'realbrand_persistence_queue',
    help: 'Updates waiting to be committed',
    registers: [this.registry],
    collect: (): void => this.persistQueue.set(this.hot.persistQueue),
  });
  readonly compactions = new Counter({ name: 'realbrand_compactions_total', help: 'Update log compactions', registers: [this.registry] });
  readonly protocolErrors = new Counter({
    name: 'realbrand_protocol_errors_total',
    help: 'Sockets closed for protocol violations',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'realbrand_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** `realbrand_redis_up`: 1 while every Redis connection is up (only where Redis is configured). */
  watchRedis(up: () => boolean): void {
    const gauge: Gauge = new Gauge({
      name: 'realbrand_redis_up',
      help: 'Whether Redis is reachable (1) or the instance runs degraded without it (0)',
      registers: [this.registry],
      collect: (): void => gauge.set(up() ? 1 : 0),
    });
  }
}
