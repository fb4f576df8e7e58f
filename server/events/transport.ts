import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import type { EventConsumer, RetryPolicy } from './consumer.js';

/** How events get from the outbox to the consumer groups (Redis Streams or in-process). */
export interface EventTransport {
  readonly kind: 'redis' | 'in-process';
  start(): Promise<void>;
  /** Work now instead of at the next poll (e.g. right after recording events). */
  nudge(): void;
  stop(): Promise<void>;
}

export interface TransportOptions {
  db: Db;
  consumers: EventConsumer[];
  /** Unique per server instance (lease owner, Redis consumer name). */
  instanceId: string;
  log: Pick<FastifyBaseLogger, 'warn' | 'error' | 'info' | 'debug'>;
  pollMs: number;
  retry: RetryPolicy;
  batchSize: number;
}

/** A sleep that `wake()` cuts short. */
export class Waker {
  private wakeUp: (() => void) | null = null;
  private pending = false;

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wakeUp === done) self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.pending = true;
  }
}
