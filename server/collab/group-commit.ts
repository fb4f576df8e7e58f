import type { DocumentStore } from './store.js';

/** Hands over a design's pending updates (in order) at the moment its statement starts. */
export type TakeUpdates = () => Uint8Array[];

interface Waiting {
  designId: string;
  take: TakeUpdates;
  resolve: (seq: number | null) => void;
  reject: (err: unknown) => void;
}

/** At most this many designs per statement. */
const MAX_BATCH = 500;

export interface GroupCommitOptions {
  /**
   * Commit window: statements start at most once per window, and everything
   * that arrives meanwhile joins the next one. A lone edit after a quiet spell
   * starts at once; under load the statement rate stays bounded however many
   * rooms are busy (each statement costs a round trip, a commit and a WAL flush).
   */
  windowMs: number;
  /** Statements in flight at once (a slow commit does not hold the next window back). */
  maxInFlight: number;
}

/**
 * Group commit across rooms: each room hands over its pending updates per write
 * (one log row each); this joins the writes of all rooms that are waiting when a
 * statement starts into one statement. Rooms hand over a `take` function rather than the bytes,
 * so everything a room received until the statement actually starts is in it.
 */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private scheduled = false;
  /** Statements issued so far. */
  statements = 0;

  constructor(
    private readonly store: Pick<DocumentStore, 'append' | 'appendMany'>,
    private readonly opts: GroupCommitOptions = { windowMs: 0, maxInFlight: 2 },
  ) {}

  /** Like `DocumentStore.append`: the last update's sequence number, or null if the design is gone. */
  append(designId: string, take: TakeUpdates): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ designId, take, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    const wait = this.lastStart + this.opts.windowMs - performance.now();
    // Never in the caller's tick: changes arriving in the same tick join the statement.
    const start = () => {
      this.scheduled = false;
      this.startStatement();
    };
    if (wait > 0) setTimeout(start, wait);
    else setImmediate(start);
  }

  private startStatement(): void {
    if (this.inFlight >= this.opts.maxInFlight || this.waiting.length === 0) return;
    // One entry per design per statement (a design's appends stay in order).
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const seen = new Set<string>();
    for (const w of this.waiting) {
      if (batch.length < MAX_BATCH && !seen.has(w.designId)) {
        seen.add(w.designId);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    this.inFlight++;
    this.lastStart = performance.now();
    this.statements++;
    void this.run(batch).finally(() => {
      this.inFlight--;
      this.schedule();
    });
    this.schedule();
  }

  private async run(batch: Waiting[]): Promise<void> {
    const entries: Array<{ designId: string; updates: Uint8Array[] }> = [];
    const taken: Waiting[] = [];
    for (const w of batch) {
      try {
        entries.push({ designId: w.designId, updates: w.take() });
        taken.push(w);
      } catch (err) {
        w.reject(err);
      }
    }
    if (entries.length === 0) return;
    try {
      const seqs = await this.store.appendMany(entries);
      taken.forEach((w, i) => w.resolve(seqs[i] ?? null));
    } catch (err) {
      if (entries.length === 1) {
        taken[0]!.reject(err);
        return;
      }
      // One bad entry must not hold the others back: retry each on its own.
      await Promise.all(taken.map((w, i) => this.store.append(w.designId, entries[i]!.updates).then(w.resolve, w.reject)));
    }
  }
}
