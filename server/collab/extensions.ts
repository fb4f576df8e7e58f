/**
 * Room extensions: the one way work outside the collaboration core (scoring, version history,
 * review reopening, thumbnails, the lock guard, schema migration) takes part in a room's life,
 * in the spirit of Hocuspocus's hooks. The room manager runs them in priority order (higher
 * first, default 100); none of them subscribes to a room's document by itself.
 */
import type * as Y from 'yjs';
import { DesignChangeFeed, type DesignChanges } from './design-changes.js';
import type { ChangeGuard, Editor, Room, RoomHooks } from './room.js';

export interface RoomExtension {
  /** For logs and for telling extensions apart. */
  readonly name: string;
  /** Higher runs first; default 100 (the schema migration runs before anyone reads the design). */
  readonly priority?: number;
  /**
   * The stored document is in the room and nobody has joined yet. A change made here (with
   * origin SERVER) is logged and sent like any server edit, but no extension's `onChange`
   * hears of it: loading is not editing. A throw fails the load (the next join retries).
   */
  onLoad?(ctx: { room: Room }): void | Promise<void>;
  /**
   * What changed in the design since the last call (objects, page settings), who changed it
   * (`changes.local`, `changes.people`, `changes.lastEditConn`), told off the edit path at most
   * every DESIGN_CHANGE_INTERVAL_MS per room. `flush` tells every extension now.
   */
  onChange?(ctx: { room: Room; changes: DesignChanges }): void;
  /** The room is about to unload (idle, or the server stops): the document is still readable. */
  beforeUnload?(ctx: { room: Room }): void | Promise<void>;
  /** Judges each person's change before it applies (see ChangeGuard). */
  readonly guard?: ChangeGuard;
}

const DEFAULT_PRIORITY = 100;

/** Extensions in the order they run. */
export function byPriority(extensions: Iterable<RoomExtension>): RoomExtension[] {
  return [...extensions].sort((a, b) => (b.priority ?? DEFAULT_PRIORITY) - (a.priority ?? DEFAULT_PRIORITY));
}

/**
 * The room's guards as one: a change is dropped if any guard drops it, checked if any
 * guard wants to check it (each guard that asked checks it, in priority order), else applied.
 * One guard (the usual case) is used as it is: this runs for every edit.
 */
export function combineGuards(guards: ChangeGuard[]): ChangeGuard | undefined {
  if (guards.length <= 1) return guards[0];
  // admit and check of one change run back to back on one thread: what admit decided is kept for check.
  let asked: ChangeGuard[] = [];
  return {
    admit(room: Room, editor: Editor) {
      asked = [];
      for (const guard of guards) {
        const verdict = guard.admit(room, editor);
        if (verdict === 'drop') return 'drop';
        if (verdict === 'check') asked.push(guard);
      }
      return asked.length ? 'check' : 'apply';
    },
    check(room: Room, editor: Editor, tr: Y.Transaction) {
      let corrected = false;
      for (const guard of asked) if (guard.check(room, editor, tr)) corrected = true;
      return corrected;
    },
  };
}

/**
 * A loaded room's extensions at work: `onLoad` in order, then one change feed telling each
 * `onChange`, then `beforeUnload` in order when the room goes.
 */
export class RoomExtensionRun implements RoomHooks {
  private feed: DesignChangeFeed | null = null;
  /** Extensions whose onLoad finished: only they hear beforeUnload (a failed load unloads those). */
  private loaded: RoomExtension[] = [];

  constructor(
    private readonly room: Room,
    private readonly extensions: readonly RoomExtension[],
    private readonly onError: (err: unknown, extension: string, hook: string) => void,
  ) {}

  async load(): Promise<void> {
    for (const ext of this.extensions) {
      await ext.onLoad?.({ room: this.room });
      this.loaded.push(ext);
    }
    const listeners = this.extensions.filter((e) => e.onChange);
    if (!listeners.length) return;
    // Made after the load hooks: a migration on load is no one's edit (it must not reopen an approved design).
    this.feed = new DesignChangeFeed(this.room.doc);
    this.feed.subscribe((changes) => {
      for (const ext of listeners) {
        try {
          ext.onChange!({ room: this.room, changes });
        } catch (err) {
          this.onError(err, ext.name, 'onChange');
        }
      }
    });
  }

  /** Tells the extensions now about changes not told yet (before reading state that must include them). */
  flush(): void {
    this.feed?.flush();
  }

  async unload(): Promise<void> {
    this.flush();
    const loaded = this.loaded;
    this.loaded = [];
    for (const ext of loaded) {
      try {
        await ext.beforeUnload?.({ room: this.room });
      } catch (err) {
        this.onError(err, ext.name, 'beforeUnload');
      }
    }
  }
}
