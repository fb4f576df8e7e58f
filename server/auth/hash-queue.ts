/**
 * Password hashing runs one at a time (each scrypt holds 128 MiB at the default cost), so the
 * queue in front of it is what an attacker fills. This one is bounded per client and in total
 * (excess is refused at once, for a 429) and fair: the next hash goes to the client served least
 * recently, so one client's burst cannot make another person wait more than a hash or two.
 */
export class HashQueueFull extends Error {
  constructor(readonly scope: 'client' | 'server') {
    super(scope === 'client' ? 'too many log-ins in progress from this address' : 'too many log-ins in progress');
    this.name = 'HashQueueFull';
  }
}

export interface HashQueueLimits {
  /** Jobs (waiting or running) one client may have. */
  perClient: number;
  /** Jobs (waiting or running) in all. */
  total: number;
}

interface Job {
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class FairHashQueue {
  private readonly waiting = new Map<string, Job[]>();
  private readonly counts = new Map<string, number>();
  private readonly lastServed = new Map<string, number>();
  private size = 0;
  private running = false;
  private tick = 0;

  constructor(public limits: HashQueueLimits) {}

  /** Runs `fn` in turn for `client`; rejects at once with HashQueueFull when a bound is reached (`bounded: false`: the server's own work). */
  run<T>(client: string, fn: () => Promise<T>, bounded = true): Promise<T> {
    const mine = this.counts.get(client) ?? 0;
    if (bounded && mine >= this.limits.perClient) return Promise.reject(new HashQueueFull('client'));
    if (bounded && this.size >= this.limits.total) return Promise.reject(new HashQueueFull('server'));
    this.counts.set(client, mine + 1);
    this.size++;
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(client) ?? [];
      queue.push({ run: fn, resolve: resolve as (v: unknown) => void, reject });
      this.waiting.set(client, queue);
      this.next();
    });
  }

  /** Jobs waiting or running (tests, metrics). */
  get pending(): number {
    return this.size;
  }

  private next(): void {
    if (this.running || this.waiting.size === 0) return;
    // The client served least recently (never = first) goes next.
    let pick: string | null = null;
    for (const client of this.waiting.keys()) {
      if (pick === null || (this.lastServed.get(client) ?? -1) < (this.lastServed.get(pick) ?? -1)) pick = client;
    }
    const client = pick!;
    const queue = this.waiting.get(client)!;
    const job = queue.shift()!;
    if (queue.length === 0) this.waiting.delete(client);
    this.lastServed.set(client, this.tick++);
    if (this.lastServed.size > 10_000) this.lastServed.clear(); // bounded; only relative order matters
    this.running = true;
    void job
      .run()
      .then(job.resolve, job.reject)
      .finally(() => {
        this.running = false;
        this.size--;
        const left = (this.counts.get(client) ?? 1) - 1;
        if (left > 0) this.counts.set(client, left);
        else this.counts.delete(client);
        this.next();
      });
  }
}
