import { Redis } from 'ioredis';
import type { RoomManager } from './rooms.js';

export interface ActiveSession {
  designId: string;
  brokerageId: string;
  userId: string;
  name: string;
  readOnly: boolean;
  instanceId: string;
}

const KEY_PREFIX = 'rb:presence:';
const TTL_SECONDS = 10;

/**
 * Who is editing what, across all instances: each instance publishes the
 * sessions in its rooms every two seconds under a key that expires, so a dead
 * instance drops out by itself. Without Redis, this instance's own rooms.
 */
export class PresenceDirectory {
  private readonly redis: Redis | null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly instanceId: string,
    private readonly rooms: RoomManager,
    redisUrl?: string,
    onError: (err: Error) => void = () => undefined,
  ) {
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
    this.redis?.on('error', onError);
    this.timer = setInterval(() => void this.publish(), 2_000);
    this.timer.unref();
  }

  /** This instance's sessions, right now. */
  local(): ActiveSession[] {
    return this.rooms.loadedRooms().flatMap((room) =>
      [...room.conns].map((c) => ({
        designId: room.designId,
        brokerageId: c.principal.brokerageId,
        userId: c.principal.userId,
        name: c.principal.name,
        readOnly: c.readOnly,
        instanceId: this.instanceId,
      })),
    );
  }

  private async publish(): Promise<void> {
    if (!this.redis || this.redis.status !== 'ready') return;
    await this.redis.set(KEY_PREFIX + this.instanceId, JSON.stringify(this.local()), 'EX', TTL_SECONDS).catch(() => undefined);
  }

  /** Every instance's sessions for one brokerage (this instance's are always current). */
  async forBrokerage(brokerageId: string): Promise<ActiveSession[]> {
    const all = this.local();
    if (this.redis && this.redis.status === 'ready') {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 100);
        cursor = next;
        keys.push(...batch.filter((k) => k !== KEY_PREFIX + this.instanceId));
      } while (cursor !== '0' && keys.length < 10_000);
      const values = keys.length ? await this.redis.mget(...keys) : [];
      for (const v of values) {
        if (!v) continue;
        try {
          all.push(...(JSON.parse(v) as ActiveSession[]));
        } catch {
          // A peer wrote something unreadable: skip it.
        }
      }
    }
    return all.filter((s) => s.brokerageId === brokerageId);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.redis) {
      await this.redis.del(KEY_PREFIX + this.instanceId).catch(() => undefined);
      this.redis.disconnect();
    }
  }
}
