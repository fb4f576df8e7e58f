import type { DocumentStore } from './store.js';

/**
 * A room's side of group commit. A writer is queued at most once at a time and
 * has one write outstanding at a time, so its writes reach the log in order.
 */
export interface CommitWriter {
  readonly designId: string;
  /**
   * Called when a statement starts: the write's updates, in order (one log row each). Everything
   * the room received until then is in it. A write that failed is taken again, unchanged.
   */
  takeWrite(): Uint8Array[];
  /** The write is committed: its last row's sequence number, or null if the design is gone. */
  writeCommitted(seq: number | null): void;
  /** The write failed; the writer may queue itself again to retry it. */
  writeFailed(err: unknown): void;
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
 * Group commit across rooms: rooms with something to write queue themselves; when
 * a statement starts it takes every queued room's pending updates, synchronously,
 * and writes them all in one statement, then tells each room how its write went.
 * Per write this costs an array slot: no promise, timer or loop turn per room.
 */
export class GroupCommitter {
  private waiting: CommitWriter[] = [];
  private inFlight = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private scheduled = false;
  /** Statements issued so far. */
  statements = 0;

  constructor(
    private readonly store: Pick<DocumentStore, 'append' | 'appendMany'>,
    private readonly opts: GroupCommitOptions = { windowMs: 0, maxInFlight: 2 },
  ) {}

  /** Queues a writer for the next statement (it must not be queued or in a statement already). */
  enqueue(writer: CommitWriter): void {
    this.waiting.push(writer);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    const wait = this.lastStart + this.opts.windowMs - performance.now();
    // Never in the caller's tick: changes arriving in the same tick join the statement.
    if (wait > 0) setTimeout(this.start, wait);
    else setImmediate(this.start);
  }

  private readonly start = (): void => {
    this.scheduled = false;
    if (this.inFlight >= this.opts.maxInFlight || this.waiting.length === 0) return;
    // One entry per design per statement (a design's writes stay in order, whoever queued them).
    const batch: CommitWriter[] = [];
    const rest: CommitWriter[] = [];
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
  };

  private async run(batch: CommitWriter[]): Promise<void> {
    const entries: Array<{ designId: string; updates: Uint8Array[] }> = [];
    const taken: CommitWriter[] = [];
    for (const w of batch) {
      try {
        entries.push({ designId: w.designId, updates: w.takeWrite() });
        taken.push(w);
      } catch (err) {
        w.writeFailed(err);
      }
    }
    if (entries.length === 0) return;
    let seqs: Array<number | null>;
    try {
      seqs = await this.store.appendMany(entries);
    } catch (err) {
      if (entries.length === 1) {
        taken[0]!.writeFailed(err);
        return;
      }
      // One bad entry must not hold the others back: retry each on its own.
      await Promise.all(
        taken.map((w, i) =>
          this.store.append(w.designId, entries[i]!.updates).then(
            (seq) => w.writeCommitted(seq),
            (e: unknown) => w.writeFailed(e),
          ),
        ),
      );
      return;
    }
    for (let i = 0; i < taken.length; i++) taken[i]!.writeCommitted(seqs[i] ?? null);
  }
}
