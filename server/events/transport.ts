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
  /** Longest sleep of an idle loop while change notifications wake it (see PollPace). */
  idlePollMs: number;
  retry: RetryPolicy;
  batchSize: number;
}

/**
 * How long a poll loop sleeps between rounds. Change notifications (`Db.listen`) wake it when
 * there is new work, so polling is only a safety net: after each empty round the sleep doubles,
 * from `pollMs` up to `idleMs`. A round that found work and a wake-up start again from `pollMs`
 * (what a notification announced may not be readable yet, e.g. behind an older transaction).
 * `dueAt` caps the sleep at a deadline the loop knows of, such as a retry it scheduled.
 */
export class PollPace {
  private sleep: number;
  private due = Infinity;

  constructor(
    private readonly pollMs: number,
    private readonly idleMs: number,
  ) {
    this.sleep = pollMs;
  }

  /** The sleep after a round; `foundWork` when the round did something. */
  afterRound(foundWork: boolean, now = Date.now()): number {
    if (this.due <= now) this.due = Infinity; // this round ran after the deadline and saw it
    let ms = this.pollMs;
    if (foundWork) this.sleep = this.pollMs;
    else {
      ms = this.sleep;
      this.sleep = Math.min(this.sleep * 2, Math.max(this.idleMs, this.pollMs));
    }
    return Math.max(0, Math.min(ms, this.due - now + 10)); // + 10: be past the deadline, not just at it
  }

  woken(): void {
    this.sleep = this.pollMs;
  }

  dueAt(at: number): void {
    this.due = Math.min(this.due, at);
  }
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
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.pending = true;
  }
}
