import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * "Someone's access changed": every instance re-checks that person's open
 * sockets (closes or downgrades them). Over Redis when REDIS_URL is set, else
 * in-process (instances that share one bus in tests hear each other).
 */
export const AccessEventSchema = z.object({
  userId: z.string().min(1).max(100),
  brokerageId: z.string().min(1).max(100),
  reason: z.enum(['deactivated', 'role_changed', 'sessions_ended', 'share_changed']),
  /** For share changes: the one design concerned. */
  designId: z.string().max(100).optional(),
});
export type AccessEvent = z.infer<typeof AccessEventSchema>;

export interface AccessBus {
  publish(event: AccessEvent): void;
  subscribe(handler: (event: AccessEvent) => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'rb:access';

export class InProcessAccessBus implements AccessBus {
  private readonly handlers: Array<(event: AccessEvent) => void> = [];
  private readonly listener = (event: AccessEvent) => {
    for (const h of this.handlers) h(event);
  };

  constructor(private readonly bus: EventEmitter = new EventEmitter()) {
    bus.setMaxListeners(0);
    bus.on(CHANNEL, this.listener);
  }

  /** A bus shared by several instances in one process (tests). */
  static shared(): EventEmitter {
    return new EventEmitter();
  }

  publish(event: AccessEvent): void {
    queueMicrotask(() => this.bus.emit(CHANNEL, event));
  }

  subscribe(handler: (event: AccessEvent) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.bus.off(CHANNEL, this.listener);
    this.handlers.length = 0;
  }
}

export class RedisAccessBus implements AccessBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: Array<(event: AccessEvent) => void> = [];

  constructor(url: string, onError: (err: Error) => void = () => undefined) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.sub = new Redis(url, { maxRetriesPerRequest: 1, autoResubscribe: true });
    for (const c of [this.pub, this.sub]) c.on('error', onError);
    void this.sub.subscribe(CHANNEL).catch(onError);
    this.sub.on('message', (channel: string, message: string) => {
      if (channel !== CHANNEL) return;
      let event: AccessEvent;
      try {
        event = AccessEventSchema.parse(JSON.parse(message));
      } catch (err) {
        onError(err as Error);
        return;
      }
      for (const h of this.handlers) h(event);
    });
    this.onError = onError;
  }

  private readonly onError: (err: Error) => void;

  publish(event: AccessEvent): void {
    this.pub.publish(CHANNEL, JSON.stringify(event)).catch((err: Error) => this.onError(err));
  }

  subscribe(handler: (event: AccessEvent) => void): void {
    this.handlers.push(handler);
  }

  /** Resolves once the subscription is live (tests wait for it). */
  async ready(): Promise<void> {
    for (let i = 0; i < 100 && this.sub.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
