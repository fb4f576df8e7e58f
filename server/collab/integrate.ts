import * as Y from 'yjs';

/**
 * Yjs parks what it cannot integrate yet (structs whose dependencies are missing,
 * deletions of clocks it does not have) in `store.pendingStructs` / `store.pendingDs`
 * and applies it inside whichever `applyUpdate` comes next, and `encodeStateAsUpdate`
 * hands it to every reader. From a client that is a trap: a parked delete range
 * covering clocks the server itself writes next (its own revert of a lock change)
 * fires later, inside someone else's change or a fan-out apply that no guard checks.
 *
 * So a client's update is applied on its own: whatever was parked before (only ever
 * fan-out or log content, already durable and guarded where it was made) is set
 * aside so this update neither releases it nor merges into it, and whatever of this
 * update does not integrate now is dropped. An honest client loses nothing: it is
 * asked to sync again and sends what the server lacks with its dependencies.
 */

/** Applies a client's update; returns false if part of it could not be integrated and was dropped. */
export function applyIntegrable(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  const store = doc.store;
  const parkedStructs = store.pendingStructs;
  const parkedDs = store.pendingDs;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    Y.applyUpdate(doc, update, origin);
    return store.pendingStructs === null && store.pendingDs === null;
  } finally {
    store.pendingStructs = parkedStructs;
    store.pendingDs = parkedDs;
  }
}

/** The document's integrated state (never anything parked) as an update, as a diff against `stateVector` if given. */
export function encodeIntegrated(doc: Y.Doc, stateVector?: Uint8Array, format: 'v1' | 'v2' = 'v1'): Uint8Array {
  const store = doc.store;
  const parkedStructs = store.pendingStructs;
  const parkedDs = store.pendingDs;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return format === 'v2' ? Y.encodeStateAsUpdateV2(doc, stateVector) : Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = parkedStructs;
    store.pendingDs = parkedDs;
  }
}
