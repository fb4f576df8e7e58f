/**
 * What a design shows from its person (agent.* and office.* bindings), so a profile or office change can
 * offer "update my designs" without overwriting what the person retyped: at creation the design records,
 * per filled object, what the fill made it show; an object that still shows that is untouched and may
 * be updated, one that shows something else was retyped and is kept. Pure.
 */
import type { Design, DesignObject } from '../design/index.js';
import { applyBoundValue, isOnlineKind, isPersonBinding, resolveBinding, type AgentProfile, type MergeOptions } from './merge.js';

/** Stored with the design (designs.profile_fill). */
export interface ProfileFillRecord {
  /** Object id → its binding. */
  bindings: Record<string, string>;
  /** Object id → what the last fill made it show (text, or image src). */
  objects: Record<string, string>;
}

export interface ProfileFieldChange {
  objectId: string;
  binding: string;
  from: string;
  to: string;
}

const shownBy = (o: DesignObject): string => (o.type === 'text' ? o.text : o.type === 'image' ? o.src : '');

/** The object as the person's current value would make it (text fitted to its box); null: the profile has nothing for it. */
export function refilled(o: DesignObject, agent: AgentProfile, options: MergeOptions, design: Design): DesignObject | null {
  if (!o.binding) return null;
  const v = resolveBinding(o.binding, null, agent, { ...options, online: isOnlineKind(options.kind ?? design.meta.kind) });
  if (!v || !('text' in v ? v.text : v.src).trim()) return null;
  return applyBoundValue(o, v, options.kit);
}

/** The record of a design whose person bindings were just filled: every object showing its person's current value. */
export function profileFillRecord(design: Design, agent: AgentProfile, options: MergeOptions): ProfileFillRecord {
  const record: ProfileFillRecord = { bindings: {}, objects: {} };
  for (const [id, o] of Object.entries(design.objects)) {
    if (!o.binding || !isPersonBinding(o.binding)) continue;
    // Filled: it shows what the person's value makes it (sample content left by an empty profile field is not).
    const next = refilled(o, agent, options, design);
    if (!next || (o.type === 'text' && o.sampleText !== undefined) || shownBy(next) !== shownBy(o)) continue;
    record.bindings[id] = o.binding;
    record.objects[id] = shownBy(o);
  }
  return record;
}

/**
 * What an update from the person's current profile would change: `changes` for objects still showing what
 * the last fill put there and whose value is now different, and for person fields still showing the
 * template's sample that the profile now has a value for; `kept` for objects the person retyped (or deleted).
 */
export function profileFillChanges(
  design: Design,
  record: ProfileFillRecord,
  agent: AgentProfile,
  options: MergeOptions,
): { changes: ProfileFieldChange[]; kept: Array<{ objectId: string; binding: string }> } {
  const changes: ProfileFieldChange[] = [];
  const kept: Array<{ objectId: string; binding: string }> = [];
  for (const [objectId, binding] of Object.entries(record.bindings).sort(([a], [b]) => a.localeCompare(b))) {
    const o = design.objects[objectId];
    if (!o || shownBy(o) !== record.objects[objectId]) {
      kept.push({ objectId, binding });
      continue;
    }
    const next = refilled(o, agent, options, design);
    if (next && shownBy(next) !== record.objects[objectId])
      changes.push({ objectId, binding, from: record.objects[objectId]!, to: shownBy(next) });
  }
  // Fields the profile had nothing for at the fill that still show the template's sample (or an empty photo frame).
  for (const [objectId, o] of Object.entries(design.objects).sort(([a], [b]) => a.localeCompare(b))) {
    if (!o.binding || !isPersonBinding(o.binding) || objectId in record.bindings) continue;
    const untouched = o.type === 'text' ? o.sampleText !== undefined && o.text === o.sampleText : o.type === 'image' && !o.src;
    const next = untouched ? refilled(o, agent, options, design) : null;
    if (next) changes.push({ objectId, binding: o.binding, from: shownBy(o), to: shownBy(next) });
  }
  return { changes, kept };
}
