export { recordEvent, emit, rowToEnvelope, type OutboxRow } from './outbox.js';
export {
  recordAgentOnboarded,
  recordDesignExported,
  recordNewViolations,
  recordReviewStep,
  stableEventId,
  type ReviewStep,
} from './emitters.js';
export { deliverOnce, backoffMs, DEFAULT_RETRY, type EventConsumer, type RetryPolicy, type DeliveryOutcome } from './consumer.js';
export { PollPace, Waker, type EventTransport } from './transport.js';
export { InProcessTransport } from './in-process.js';
export { RedisStreamsTransport } from './redis-streams.js';
export { EventBackbone, type EventBackboneOptions, type EventTuning, type DeadLetter } from './backbone.js';
export { analyticsConsumer, analyticsBumps, ANALYTICS_GROUP, utcDay, readAnalytics } from './analytics.js';
export {
  metricsReport,
  buildReport,
  reportTable,
  METRIC_TABLES,
  MATERIAL_GROUPS,
  type MetricsReport,
  type MetricTable,
} from './metrics-report.js';
