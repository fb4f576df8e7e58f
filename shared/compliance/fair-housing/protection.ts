/**
 * Which classes are protected under which packs: the federal and California lists of classes.ts and
 * the state packs of state-packs.ts together. Apart from both, so neither of them imports the other.
 */
import type { RulePack } from '../../brand/index.js';
import { PROTECTED_CLASSES, PROTECTED_CLASS_IDS, type ProtectedClass } from './classes.js';
import { statePacksFor } from './state-packs.js';

/** Packs under which a class is protected: its own list above plus the state packs (state-packs.ts) that name it. */
export function packsForClass(cls: ProtectedClass): readonly RulePack[] {
  return [...PROTECTED_CLASSES[cls].packs, ...statePacksFor(cls)];
}

/** Classes protected under the given packs (federal always included). */
export function classesForPacks(packs: readonly RulePack[]): Set<ProtectedClass> {
  const active = new Set<RulePack>(['federal', ...packs]);
  return new Set(PROTECTED_CLASS_IDS.filter((c) => packsForClass(c).some((p) => active.has(p))));
}
