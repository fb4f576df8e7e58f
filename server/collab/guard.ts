import * as Y from 'yjs';
import { metaMap, objectsMap } from '../../shared/index.js';
import { canChangeLocked } from '../auth/permissions.js';
import type { RoomExtension } from './extensions.js';
import type { ChangeGuard, Editor, Room } from './room.js';

/** A change to `locked` made by someone allowed to (brand manager, admin): for the audit log. */
export interface LockChange {
  designId: string;
  objectId: string;
  from: unknown;
  to: unknown;
  editor: Editor;
}

/** A forbidden change the server reverted. */
export interface Reverted {
  designId: string;
  objectIds: string[];
  /** Template-owned `meta` keys put back (page size, kind). */
  metaKeys: string[];
  editor: Editor;
}

/**
 * `meta` keys that belong to the brokerage's template, not to the design's author: the
 * page size and bleed, and what kind of piece it is (which rules apply). Changed only by
 * people who may change locked objects; anyone else's change is put back, as for a locked
 * property (a smaller page could otherwise crop what is locked out of sight). The number
 * of pages stays the author's: adding and removing pages is an editor feature.
 */
export const TEMPLATE_META_KEYS: ReadonlySet<string> = new Set(['width', 'height', 'bleed', 'kind', 'templateId', 'templateVersion']);

export interface LockGuardOptions {
  onLockChange?: (change: LockChange) => void;
  onRevert?: (reverted: Reverted) => void;
}

interface Before {
  map: Y.Map<unknown>;
  locked: unknown;
  /** The whole object, only for locked ones (what a revert restores). */
  props?: Record<string, unknown>;
}

/** The object (an entry of the `objects` root map) that `type` is, or is nested in. */
function objectOf(
  type: Y.AbstractType<unknown>,
  objects: Y.Map<Y.Map<unknown>>,
): { id: string; map: Y.Map<unknown>; key: string | null } | null {
  let t: Y.AbstractType<unknown> = type;
  let key: string | null = null;
  for (;;) {
    const item = t._item;
    if (!item) return null;
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent || typeof parent !== 'object') return null;
    if (parent === (objects as unknown)) {
      return t instanceof Y.Map && typeof item.parentSub === 'string' ? { id: item.parentSub, map: t as Y.Map<unknown>, key } : null;
    }
    key = item.parentSub;
    t = parent;
  }
}

function setOrDelete(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value || (typeof value === 'object' && value !== null)) {
    map.set(key, value);
  }
}

function beforeOf(map: Y.Map<unknown>): Before {
  const locked = map.get('locked');
  return locked === true ? { map, locked, props: map.toJSON() as Record<string, unknown> } : { map, locked };
}

/**
 * Each room's objects as they stand between changes (identity, `locked`, and the
 * props of locked ones), built once and then refreshed only for the objects each
 * transaction touches, so checking an edit costs what the edit touched, not the
 * whole design.
 */
const snapshots = new WeakMap<Room, Map<string, Before>>();
/** Each room's template-owned `meta` values between changes. */
const metaSnapshots = new WeakMap<Room, Map<string, unknown>>();

function templateMetaOf(meta: Y.Map<unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of TEMPLATE_META_KEYS) out.set(key, meta.get(key));
  return out;
}

function snapshotOf(room: Room): Map<string, Before> {
  let snapshot = snapshots.get(room);
  if (snapshot) return snapshot;
  const objects = objectsMap(room.doc);
  const meta = metaMap(room.doc);
  const fresh = new Map<string, Before>();
  for (const [id, map] of objects.entries()) if (map instanceof Y.Map) fresh.set(id, beforeOf(map));
  snapshot = fresh;
  snapshots.set(room, snapshot);
  metaSnapshots.set(room, templateMetaOf(meta));
  room.doc.on('afterTransaction', (tr: Y.Transaction) => {
    const touched = new Set<string>();
    for (const [type, keys] of tr.changed) {
      if (type === (meta as unknown)) {
        metaSnapshots.set(room, templateMetaOf(meta));
      } else if (type === (objects as unknown)) {
        for (const id of keys) if (id !== null) touched.add(id);
      } else {
        const found = objectOf(type as Y.AbstractType<unknown>, objects);
        if (found) touched.add(found.id);
      }
    }
    for (const id of touched) {
      const map = objects.get(id);
      if (map instanceof Y.Map) fresh.set(id, beforeOf(map));
      else fresh.delete(id);
    }
  });
  return snapshot;
}

/**
 * The permission layer inside the collaboration stream.
 *
 * - Read-only connections: every document change is dropped (awareness is untouched).
 * - Someone without the lock right (agents) changing a locked object, deleting or
 *   replacing it, or changing any object's `locked`: the change is applied and, in
 *   the same Yjs transaction, the previous values are written back as new
 *   server-made items. Peers receive one update whose end state is the locked
 *   state (they never observe the forbidden values); the sender receives it too,
 *   and because the restore items come after its own they win last-writer-wins, so
 *   its copy converges back. Nothing the client made is left missing on the server.
 * - Someone with the right changing `locked`: reported for the audit log.
 */
export function createLockGuard(opts: LockGuardOptions = {}): ChangeGuard {
  // Plain functions, no closures per change: this runs for every edit.
  return {
    admit: (room, editor) => {
      if (editor.readOnly) return 'drop';
      // The "before" state must be taken before the room's first change is applied, not during it.
      snapshotOf(room);
      return 'check';
    },
    check: (room, editor, tr) => checkChange(room, editor, tr, opts),
  };
}

/** The lock guard as a room extension (the permission layer runs before anything else sees a change). */
export function lockGuard(opts: LockGuardOptions = {}): RoomExtension {
  return { name: 'lock-guard', priority: 1_000, guard: createLockGuard(opts) };
}

/** What one change did that needs restoring or reporting. */
interface Findings {
  mayLock: boolean;
  reverted: Set<string>;
  metaReverted: string[];
  lockChanges: Array<{ objectId: string; from: unknown; to: unknown }>;
}

function lockCheck(f: Findings, id: string, map: Y.Map<unknown>, was: unknown): void {
  const now = map.get('locked');
  if (now === was || (now === undefined && was === false) || (now === false && was === undefined)) return;
  if (f.mayLock) f.lockChanges.push({ objectId: id, from: was ?? false, to: now ?? false });
  else {
    setOrDelete(map, 'locked', was);
    f.reverted.add(id);
  }
}

function checkChange(room: Room, editor: Editor, tr: Y.Transaction, opts: LockGuardOptions): boolean {
  const objects = objectsMap(room.doc);
  const before = snapshotOf(room);
  const meta = metaMap(room.doc);
  const f: Findings = { mayLock: canChangeLocked({ role: editor.principal.role }), reverted: new Set(), metaReverted: [], lockChanges: [] };
  try {
    for (const [type, keys] of [...tr.changed]) {
      if (type === (meta as unknown)) {
        if (f.mayLock) continue;
        const was = metaSnapshots.get(room)!;
        for (const key of keys) {
          if (key === null || !TEMPLATE_META_KEYS.has(key) || meta.get(key) === was.get(key)) continue;
          setOrDelete(meta, key, was.get(key));
          f.metaReverted.push(key);
        }
        continue;
      }
      if (type === (objects as unknown)) {
        for (const id of keys) {
          if (id === null) continue;
          const prev = before.get(id);
          const now = objects.get(id);
          if (prev && now === prev.map) continue; // the object itself is handled below
          if (prev?.locked === true && !f.mayLock) {
            // A locked object deleted or replaced: put it back as it was.
            objects.set(id, new Y.Map(Object.entries(prev.props ?? {})));
            f.reverted.add(id);
          } else if (now instanceof Y.Map) {
            lockCheck(f, id, now, prev?.locked);
          }
        }
        continue;
      }
      const found = objectOf(type as Y.AbstractType<unknown>, objects);
      if (!found) continue;
      const prev = before.get(found.id);
      if (!prev || prev.map !== found.map) continue; // new in this change: checked above
      if (prev.locked === true && !f.mayLock) {
        const props = prev.props ?? {};
        if (type === (found.map as unknown)) {
          for (const key of keys) if (key !== null) setOrDelete(found.map, key, props[key]);
        } else if (found.key !== null) {
          // Something nested inside a locked object's property: restore the whole property.
          found.map.set(found.key, props[found.key]);
        }
        f.reverted.add(found.id);
      } else if (type === (found.map as unknown) && keys.has('locked')) {
        lockCheck(f, found.id, found.map, prev.locked);
      }
    }
  } catch {
    // Never leave a half-checked change: the caller's transaction still completes; report it as reverted.
  }
  if (f.lockChanges.length && opts.onLockChange) {
    for (const c of f.lockChanges) opts.onLockChange({ designId: room.designId, editor, ...c });
  }
  const reverted = f.reverted.size > 0 || f.metaReverted.length > 0;
  if (reverted) opts.onRevert?.({ designId: room.designId, objectIds: [...f.reverted], metaKeys: f.metaReverted, editor });
  return reverted;
}
