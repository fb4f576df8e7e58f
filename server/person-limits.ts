/**
 * Generous per-person bounds on what one account may hold open on this instance: sockets
 * (collaboration and socket.io together) and distinct designs open at once. A script with a
 * valid session cannot exhaust the server's sockets or load every design into memory.
 */
export interface PersonLimitSettings {
  socketsPerUser: number;
  roomsPerUser: number;
}

export class PersonLimits {
  private readonly sockets = new Map<string, number>();
  /** user → design → sockets of theirs in it */
  private readonly rooms = new Map<string, Map<string, number>>();

  constructor(readonly settings: PersonLimitSettings) {}

  /** Takes a socket slot; null when the person has too many (the caller closes with the reason). */
  openSocket(userId: string): (() => void) | null {
    const n = this.sockets.get(userId) ?? 0;
    if (n >= this.settings.socketsPerUser) return null;
    this.sockets.set(userId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.sockets.get(userId) ?? 1) - 1;
      if (left > 0) this.sockets.set(userId, left);
      else this.sockets.delete(userId);
    };
  }

  /** Enters a design; null when the person already has the most designs open (another socket in one already open is fine). */
  enterRoom(userId: string, designId: string): (() => void) | null {
    const mine = this.rooms.get(userId) ?? new Map<string, number>();
    if (!mine.has(designId) && mine.size >= this.settings.roomsPerUser) return null;
    mine.set(designId, (mine.get(designId) ?? 0) + 1);
    this.rooms.set(userId, mine);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (mine.get(designId) ?? 1) - 1;
      if (left > 0) mine.set(designId, left);
      else mine.delete(designId);
      if (mine.size === 0) this.rooms.delete(userId);
    };
  }

  static readonly socketsReason = 'too many open connections for this person';
  static readonly roomsReason = 'too many designs open at once for this person';
}
