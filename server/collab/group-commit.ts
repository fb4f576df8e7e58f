import type { DocumentStore } from './store.js';

interface Waiting {
  designId: string;
  update: Uint8Array;
  resolve: (seq: number | null) => void;
  reject: (err: unknown) => void;
}

/** At most this many designs per statement. */
const MAX_BATCH = 500;

/**
 * Group commit across rooms: each room already merges its own updates into one
 * append per write; this joins the appends of all rooms that arrive while
 * earlier ones are in flight into one statement (one round trip, one commit
 * and one WAL flush instead of one per room). With nothing in flight an
 * append starts at once, so a lone edit waits no longer than before.
 */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly store: Pick<DocumentStore, 'append' | 'appendMany'>,
    private readonly maxInFlight = 2,
  ) {}

  /** Same contract as `DocumentStore.append`: the update's sequence number, or null if the design is gone. */
  append(designId: string, update: Uint8Array): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ designId, update, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
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
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const seqs = await this.store.appendMany(batch.map((w) => ({ designId: w.designId, update: w.update })));
      batch.forEach((w, i) => w.resolve(seqs[i] ?? null));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One bad entry must not hold the others back: retry each on its own.
      await Promise.all(batch.map((w) => this.store.append(w.designId, w.update).then(w.resolve, w.reject)));
    }
  }
}
