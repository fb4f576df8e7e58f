/** Starts loading a design's record, its document and the brand kit before the editor asks (e.g. on hover in the list). */
import type { BrandKit } from '../../../../shared/brand/index.js';
import { api, type DesignInfo } from '../../api.js';

type Loaded = [DesignInfo, BrandKit | null, Uint8Array | null];
const pending = new Map<string, Promise<Loaded>>();

export function prefetchDesign(id: string): Promise<Loaded> {
  let p = pending.get(id);
  if (!p) {
    p = Promise.all([api.design(id), api.brandKit().catch(() => null), api.designState(id)]);
    pending.set(id, p);
    p.catch(() => pending.delete(id));
    // A prefetch is only good for a moment: access can change.
    setTimeout(() => pending.delete(id), 10_000);
  }
  return p;
}

/** The prefetched (or a fresh) load, used once. */
export function takeDesign(id: string): Promise<Loaded> {
  const p = prefetchDesign(id);
  pending.delete(id);
  return p;
}
