import * as Y from 'yjs';
import { metaMap, objectsMap } from '../../shared/index.js';
import { Connection } from './connection.js';
import { SERVER } from './room.js';

/** What one person (a socket of this instance) did to the design's objects. */
export interface PersonChanges {
  name: string;
  added: Set<string>;
  changed: Set<string>;
  removed: Set<string>;
}

/** What changed in a room's design since the last notice. */
export interface DesignChanges {
  /** Objects touched by anyone (this instance's sockets, the server, other instances). */
  objects: Set<string>;
  /** Whether the page settings (`meta`) changed. */
  meta: boolean;
  /** Whether this instance's sockets or the server changed the design (work that only the changing instance does). */
  local: boolean;
  /** The last of those local changes' sockets (null: the server). */
  lastLocalConn: Connection | null;
  /** Per person (by user id), this instance's sockets only. */
  people: Map<string, PersonChanges>;
  /** Date.now() of the last local change. */
  lastLocalAt: number;
  /**
   * Whether a local change was an edit: anything but values an editor derives and writes back (a
   * text box's measured height). Only an edit may revoke an approval.
   */
  edited: boolean;
  /** Date.now() of the last local edit, and its socket (null: the server). */
  lastEditAt: number;
  lastEditConn: Connection | null;
}

export type DesignChangeListener = (changes: DesignChanges) => void;

/** At most this often per room, listeners hear about changes (trailing: the last change is always told). */
export const DESIGN_CHANGE_INTERVAL_MS = 100;

const empty = (): DesignChanges => ({
  objects: new Set(),
  meta: false,
  local: false,
  lastLocalConn: null,
  people: new Map(),
  lastLocalAt: 0,
  edited: false,
  lastEditAt: 0,
  lastEditConn: null,
});

/**
 * The one watcher of a room's design for work that need not happen per edit (live scoring, change
 * tracking for versions, review reopening). Per transaction it only notes which objects the
 * transaction touched, read from what Yjs already collected (`tr.changed`, no events built); the
 * listeners run off the edit path, together, at most every DESIGN_CHANGE_INTERVAL_MS per room, and
 * their cost follows what changed, not the design's size.
 */
export class DesignChangeFeed {
  private readonly listeners = new Set<DesignChangeListener>();
  private pending = empty();
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly objects: Y.Map<Y.Map<unknown>>;
  private readonly meta: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly intervalMs = DESIGN_CHANGE_INTERVAL_MS,
  ) {
    this.objects = objectsMap(doc);
    this.meta = metaMap(doc);
    doc.on('afterTransaction', this.onTransaction);
    doc.on('destroy', () => {
      this.flush();
      if (this.timer) clearTimeout(this.timer);
      this.listeners.clear();
    });
  }

  subscribe(listener: DesignChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners now about what is pending (before reading state that must include it). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty) return;
    const changes = this.pending;
    this.pending = empty();
    this.dirty = false;
    for (const listener of this.listeners) listener(changes);
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return;
    const origin = tr.origin;
    const conn = origin instanceof Connection ? origin : null;
    const local = conn !== null || origin === SERVER;
    const p = this.pending;
    let person: PersonChanges | undefined;
    if (conn) {
      person = p.people.get(conn.principal.userId);
      if (!person)
        p.people.set(
          conn.principal.userId,
          (person = { name: conn.principal.name, added: new Set(), changed: new Set(), removed: new Set() }),
        );
    }
    let design = false;
    let derivedOnly = true;
    for (const [type, keys] of tr.changed) {
      if (type === (this.meta as unknown)) {
        p.meta = design = true;
        derivedOnly = false;
      } else if (type === (this.objects as unknown)) {
        design = true;
        derivedOnly = false;
        for (const id of keys) {
          if (id === null) continue;
          p.objects.add(id);
          if (person) this.noteKeyChange(tr, id, person);
        }
      } else {
        const id = objectIdOf(type as Y.AbstractType<unknown>, this.objects);
        if (id === null) continue;
        design = true;
        if (!isDerivedChange(type as Y.AbstractType<unknown>, keys, this.objects)) derivedOnly = false;
        p.objects.add(id);
        if (person && !person.added.has(id)) person.changed.add(id);
      }
    }
    if (!design) return;
    if (local) {
      p.local = true;
      p.lastLocalConn = conn;
      p.lastLocalAt = Date.now();
      if (!derivedOnly) {
        p.edited = true;
        p.lastEditConn = conn;
        p.lastEditAt = p.lastLocalAt;
      }
    }
    this.dirty = true;
    if (!this.timer && this.listeners.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.intervalMs);
      this.timer.unref();
    }
  };

  /** An `objects` key set in this transaction: an object added, replaced or removed (as Yjs' key changes would say). */
  private noteKeyChange(tr: Y.Transaction, id: string, person: PersonChanges): void {
    const item = this.objects._map.get(id);
    const newHere = (i: Y.Item) => i.id.clock >= (tr.beforeState.get(i.id.client) ?? 0);
    if (!item || item.deleted) {
      person.removed.add(id);
    } else if (newHere(item) && !(item.left && !newHere(item.left) && Y.isDeleted(tr.deleteSet, item.left.id))) {
      person.added.add(id);
    } else if (!person.added.has(id)) {
      person.changed.add(id);
    }
  }
}

/**
 * Whether a change to `type`'s `keys` only writes back a value an editor derives from the rest: a
 * text object's height, measured from its text and font (clients write it after laying text out).
 */
export function isDerivedChange(type: Y.AbstractType<unknown>, keys: Set<string | null>, objects: Y.Map<Y.Map<unknown>>): boolean {
  if (!(type instanceof Y.Map) || type.parent !== (objects as unknown) || keys.size === 0) return false;
  return [...keys].every((k) => k === 'height') && type.get('type') === 'text';
}

/** The id of the object (an entry of the `objects` root map) that `type` is, or is nested in. */
function objectIdOf(type: Y.AbstractType<unknown>, objects: Y.Map<Y.Map<unknown>>): string | null {
  let t: Y.AbstractType<unknown> = type;
  for (;;) {
    const item = t._item;
    if (!item) return null;
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent || typeof parent !== 'object') return null;
    if (parent === (objects as unknown)) return typeof item.parentSub === 'string' ? item.parentSub : null;
    t = parent;
  }
}
