import type { Design, DesignObject } from './model.js';

/** Objects in stacking order (lowest first): by `z`, then by id so replicas agree. */
export function objectsInOrder(design: Pick<Design, 'objects'>): DesignObject[] {
  return Object.values(design.objects).sort(compareStacking);
}

export function compareStacking(a: { z: string; id: string }, b: { z: string; id: string }): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
