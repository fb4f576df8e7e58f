import { readDesign, type ChangesByPerson, type Design, type DesignDiff, type PersonChanges } from '../../shared/index.js';
import * as Y from 'yjs';
import type { DesignChanges, Room } from '../collab/index.js';

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
 * Records, per person, which objects they added, changed or removed in a live room since the
 * last version (only this instance's sockets). Told by the room's extensions (`note`), a few
 * times a second at most, not per edit.
 */
export class ChangeTracker {
  private pending: ChangesByPerson = {};
  private touched = 0;
  lastChangeAt = 0;

  constructor(private readonly room: Pick<Room, 'flushChanges'>) {}

  note(changes: DesignChanges): void {
    if (changes.people.size === 0) return;
    for (const [userId, did] of changes.people) {
      if (did.added.size + did.changed.size + did.removed.size === 0) continue;
      const person = (this.pending[userId] ??= { name: did.name, added: [], changed: [], removed: [] });
      for (const id of did.added) pushOnce(person.added, id);
      for (const id of did.removed) pushOnce(person.removed, id);
      for (const id of did.changed) if (!person.added.includes(id)) pushOnce(person.changed, id);
      this.touched++;
    }
    this.lastChangeAt = changes.lastLocalAt || Date.now();
  }

  get hasChanges(): boolean {
    this.room.flushChanges();
    return this.touched > 0;
  }

  /** Takes what was collected and starts a new window. */
  take(): ChangesByPerson {
    this.room.flushChanges();
    const out = this.pending;
    this.pending = {};
    this.touched = 0;
    return out;
  }
}

function pushOnce(list: string[], id: string): void {
  if (!list.includes(id) && list.length < 500) list.push(id);
}
