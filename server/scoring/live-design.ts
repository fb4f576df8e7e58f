import * as Y from 'yjs';
import { objectsMap, readMeta, readObject, type Design, type DesignObject } from '../../shared/index.js';

/**
 * The plain Design of a live Yjs doc, kept up to date incrementally: only
 * objects touched since the last read are parsed again, so re-scoring a
 * 300-object design after one edit costs one object's validation, not 300.
 */
export class LiveDesign {
  private readonly cache = new Map<string, DesignObject | null>();
  private readonly dirty = new Set<string>();
  private all = true;

  /** `observe: false`: the owner tells it which objects changed (`invalidate`) instead of a deep observer per edit. */
  constructor(
    private readonly doc: Y.Doc,
    opts: { observe?: boolean } = {},
  ) {
    if (opts.observe === false) return;
    objectsMap(doc).observeDeep((events) => {
      for (const event of events) {
        if (event.path.length === 0) for (const key of event.changes.keys.keys()) this.dirty.add(key);
        else this.dirty.add(String(event.path[0]));
      }
    });
  }

  /** Objects changed since the last read (added, edited or removed). */
  invalidate(ids: Iterable<string>): void {
    for (const id of ids) this.dirty.add(id);
  }

  read(): Design {
    const objects = objectsMap(this.doc);
    if (this.all) {
      this.cache.clear();
      objects.forEach((value, id) => this.cache.set(id, value instanceof Y.Map ? readObject(id, value) : null));
      this.all = false;
    } else {
      for (const id of this.dirty) {
        const value = objects.get(id);
        if (value === undefined) this.cache.delete(id);
        else this.cache.set(id, value instanceof Y.Map ? readObject(id, value) : null);
      }
    }
    this.dirty.clear();
    const out: Record<string, DesignObject> = {};
    for (const [id, object] of this.cache) if (object) out[id] = object;
    return { meta: readMeta(this.doc), objects: out };
  }
}
