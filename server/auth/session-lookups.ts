import type { User } from '../repos/index.js';

export interface SessionKey {
  brokerageId: string;
  userId: string;
  sessionId: string;
}

type SessionUser = User & { brokerageName: string; mustEnrolTotp: boolean };

interface Waiting {
  key: SessionKey;
  resolve: (user: SessionUser | null) => void;
  reject: (err: unknown) => void;
}

/** At most this many checks per statement, and this many statements at once. */
const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 2;

/**
 * Session checks of collaboration sockets that arrive together (a reconnect wave, a
 * deploy, a busy design opening) go to the database as one statement instead of one
 * each: the round trip and the driver's work per query were most of a socket's
 * authentication. Every check still reads the database after it was asked for (the
 * statement starts at the earliest in the next turn of the event loop), so none is
 * staler than a check of its own would be.
 */
export class SessionLookups {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly lookupMany: (keys: SessionKey[]) => Promise<Array<SessionUser | null>>) {}

  lookup(key: SessionKey): Promise<SessionUser | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.waiting.length === 0) return;
    this.scheduled = true;
    // Not in the caller's turn: checks asked for in the same turn join the statement.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.inFlight >= MAX_IN_FLIGHT || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.inFlight++;
    this.schedule(); // more than one statement's worth waiting
    try {
      const found = await this.lookupMany(batch.map((w) => w.key));
      batch.forEach((w, i) => w.resolve(found[i] ?? null));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
