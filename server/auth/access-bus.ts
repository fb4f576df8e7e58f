import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { InProcessHub, InProcessPubSub, jsonChannel, type PubSub, type Unsubscribe } from '../bus/index.js';

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
  /** Fire and forget: the database already holds the change; the bus only hurries it to other instances. */
  publish(event: AccessEvent): void;
  subscribe(handler: (event: AccessEvent) => void): void;
  /** Whether events reach other instances right now. */
  readonly up: boolean;
  /** The link came back after a loss: events published meanwhile may be lost both ways. */
  onReconnect(listener: () => void): void;
  /** Every change of `up`. */
  onStateChange(listener: (up: boolean) => void): void;
  close(): Promise<void>;
}

/** The same channel name as before the bus, for rolling upgrades. */
const accessChannel = jsonChannel('rb:access', AccessEventSchema);

/** Access events as a channel on the instances' bus (Redis or in-process). */
export class BusAccessBus implements AccessBus {
  private readonly handlers: Array<(event: AccessEvent) => void> = [];
  private readonly subscribed: Promise<Unsubscribe>;

  constructor(private readonly bus: PubSub) {
    this.subscribed = bus.subscribe(accessChannel, '', (event) => {
      for (const h of this.handlers) h(event);
    });
  }

  get up(): boolean {
    return this.bus.up;
  }

  publish(event: AccessEvent): void {
    this.bus.publish(accessChannel, '', event);
  }

  subscribe(handler: (event: AccessEvent) => void): void {
    this.handlers.push(handler);
  }

  onReconnect(listener: () => void): void {
    this.bus.onReconnect(listener);
  }

  onStateChange(listener: (up: boolean) => void): void {
    this.bus.onStateChange(listener);
  }

  /** Resolves once the subscription is live (tests wait for it). */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
    await (
      await this.subscribed
    )();
  }
}

/** In-process: instances that share one hub (tests) hear each other. */
export class InProcessAccessBus extends BusAccessBus {
  constructor(hub: EventEmitter = new InProcessHub()) {
    super(new InProcessPubSub(hub));
  }

  /** A hub shared by several instances in one process (tests). */
  static shared(): EventEmitter {
    return new InProcessHub();
  }
}
