import { objectsMap, readDesign, type ChangesByPerson, type Design, type DesignDiff, type PersonChanges } from '../../shared/index.js';
import * as Y from 'yjs';
import { Connection, type Room } from '../collab/index.js';

export type { ChangesByPerson, DesignDiff, PersonChanges };

/** Objects added, removed and changed between two versions of a design (pure). */
export function diffDesigns(before: Design, after: Design): DesignDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const id of Object.keys(after.objects)) {
    const old = before.objects[id];
    if (!old) added.push(id);
    else if (!sameObject(old, after.objects[id]!)) changed.push(id);
  }
  for (const id of Object.keys(before.objects)) if (!after.objects[id]) removed.push(id);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

function sameObject(a: object, b: object): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => JSON.stringify((a as Record<string, unknown>)[k]) === JSON.stringify((b as Record<string, unknown>)[k]));
}

export function designOfState(state: Uint8Array): Design {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readDesign(doc).design;
  } finally {
    doc.destroy();
  }
}

/**
 * Watches a live room and records, per person, which objects they added,
 * changed or removed since the last version (only this instance's sockets).
 */
export class ChangeTracker {
  private pending: ChangesByPerson = {};
  private touched = 0;
  lastChangeAt = 0;

  constructor(room: Room) {
    objectsMap(room.doc).observeDeep((events, txn) => {
      const origin = txn.origin;
      if (!(origin instanceof Connection)) return;
      const person = (this.pending[origin.principal.userId] ??= { name: origin.principal.name, added: [], changed: [], removed: [] });
      for (const event of events) {
        if (event.path.length === 0) {
          // The objects map itself: objects added or removed.
          for (const [id, change] of event.changes.keys) {
            if (change.action === 'add') pushOnce(person.added, id);
            else if (change.action === 'delete') pushOnce(person.removed, id);
            else pushOnce(person.changed, id);
          }
        } else {
          const id = String(event.path[0]);
          if (!person.added.includes(id)) pushOnce(person.changed, id);
        }
      }
      this.touched++;
      this.lastChangeAt = Date.now();
    });
  }

  get hasChanges(): boolean {
    return this.touched > 0;
  }

  /** Takes what was collected and starts a new window. */
  take(): ChangesByPerson {
    const out = this.pending;
    this.pending = {};
    this.touched = 0;
    return out;
  }
}

function pushOnce(list: string[], id: string): void {
  if (!list.includes(id) && list.length < 500) list.push(id);
}
