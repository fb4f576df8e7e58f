import { z } from 'zod';
import { jsonChannel, type PubSub, type Unsubscribe } from '../bus/index.js';
import type { RoomManager } from './rooms.js';

const ActiveSessionSchema = z.object({
  designId: z.string().max(100),
  brokerageId: z.string().max(100),
  userId: z.string().max(100),
  name: z.string().max(300),
  readOnly: z.boolean(),
  instanceId: z.string().max(100),
});
export type ActiveSession = z.infer<typeof ActiveSessionSchema>;

const PresenceMessageSchema = z.discriminatedUnion('kind', [
  /** An instance's sessions, complete (an empty list: it has none, or it is stopping). */
  z.object({ kind: z.literal('sessions'), instanceId: z.string().max(100), sessions: z.array(ActiveSessionSchema).max(100_000) }),
  /** "Tell me yours now" (an instance that just started or got its link back). */
  z.object({ kind: z.literal('query'), instanceId: z.string().max(100) }),
]);

const presenceChannel = jsonChannel('rb:presence', PresenceMessageSchema);

const ANNOUNCE_MS = 2_000;
/** A peer silent this long is gone (it announces every ANNOUNCE_MS). */
const PEER_TTL_MS = 10_000;

/**
 * Who is editing what, across all instances: a channel on the bus where each
 * instance announces the sessions in its rooms every two seconds; a peer that
 * stops announcing (crashed, or cut off) drops out after PEER_TTL_MS. While the
 * bus is down this instance knows only its own rooms; on reconnect it announces
 * itself and asks the others.
 */
export class PresenceDirectory {
  private readonly timer: NodeJS.Timeout;
  private readonly peers = new Map<string, { sessions: ActiveSession[]; until: number }>();
  private readonly subscribed: Promise<Unsubscribe>;

  constructor(
    private readonly instanceId: string,
    private readonly rooms: RoomManager,
    private readonly bus: PubSub,
  ) {
    this.subscribed = bus.subscribe(presenceChannel, '', (m) => {
      if (m.instanceId === this.instanceId) return;
      if (m.kind === 'query') return this.announce();
      if (m.sessions.length === 0) this.peers.delete(m.instanceId);
      else this.peers.set(m.instanceId, { sessions: m.sessions, until: Date.now() + PEER_TTL_MS });
    });
    void this.subscribed.then(() => this.askPeers());
    bus.onReconnect(() => {
      this.announce();
      this.askPeers();
    });
    this.timer = setInterval(() => this.announce(), ANNOUNCE_MS);
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

  private announce(sessions = this.local()): void {
    this.bus.publish(presenceChannel, '', { kind: 'sessions', instanceId: this.instanceId, sessions });
  }

  private askPeers(): void {
    this.bus.publish(presenceChannel, '', { kind: 'query', instanceId: this.instanceId });
  }

  /** Every instance's sessions for one brokerage (this instance's are always current). */
  async forBrokerage(brokerageId: string): Promise<ActiveSession[]> {
    const now = Date.now();
    const all = this.local();
    for (const [id, peer] of this.peers) {
      if (peer.until < now) this.peers.delete(id);
      else all.push(...peer.sessions);
    }
    return all.filter((s) => s.brokerageId === brokerageId);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    // Peers forget us now rather than after PEER_TTL_MS.
    this.announce([]);
    await (
      await this.subscribed
    )();
  }
}
