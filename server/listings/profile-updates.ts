/**
 * "Update my designs" after a profile or office change: the person's designs whose agent.* / office.*
 * fields still show what was filled from their profile (designs.profile_fill) get the new details, as
 * an edit by the person through the live room (so open editors see it at once and the brand-lock guard
 * judges it); fields the person retyped are never touched (shared/listing/profile-fill.ts).
 */
import * as Y from 'yjs';
import {
  objectsMap,
  profileFillChanges,
  readDesign,
  readObject,
  refilled,
  type AgentProfile,
  type MergeOptions,
  type ProfileFillRecord,
} from '../../shared/index.js';
import type { ProfileDesignUpdate } from '../../shared/api/profile.js';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { BrokerageRepository, DesignRepository } from '../repos/index.js';
import { agentProfile } from './merge-service.js';

const shownBy = (o: { type: string; text?: string; src?: string }): string =>
  o.type === 'text' ? (o.text ?? '') : o.type === 'image' ? (o.src ?? '') : '';

export class ProfileDesignUpdates {
  constructor(private readonly deps: { db: Db; store: DocumentStore; rooms: RoomManager }) {}

  private async context(brokerageId: string, userId: string): Promise<{ agent: AgentProfile; options: MergeOptions } | null> {
    const [agent, kit] = await Promise.all([
      agentProfile(this.deps.db, brokerageId, userId),
      new BrokerageRepository(this.deps.db).brandKit(brokerageId),
    ]);
    if (!agent || !kit) return null;
    return { agent, options: { kit, timeZone: kit.timeZone, licenseStates: kit.rulePacks.filter((p) => p !== 'federal') } };
  }

  /** The person's designs with fields to update (none: nothing changed, or everything was retyped). */
  async pending(brokerageId: string, userId: string): Promise<ProfileDesignUpdate[]> {
    const ctx = await this.context(brokerageId, userId);
    if (!ctx) return [];
    const out: ProfileDesignUpdate[] = [];
    for (const d of await new DesignRepository(this.deps.db).profileFilled(brokerageId, userId)) {
      const design = await currentDesign(this.deps.rooms, this.deps.store, d.id);
      const { changes, kept } = profileFillChanges(design, d.record as ProfileFillRecord, ctx.agent, ctx.options);
      if (changes.length) out.push({ designId: d.id, title: d.title, changes, kept: kept.length });
    }
    return out;
  }

  /** Updates the untouched fields of the person's designs (all, or `only` these); answers what each got. */
  async apply(
    brokerageId: string,
    user: { id: string; role: string },
    only?: readonly string[],
  ): Promise<Array<{ designId: string; applied: number; kept: number }>> {
    const ctx = await this.context(brokerageId, user.id);
    if (!ctx) return [];
    const designs = new DesignRepository(this.deps.db);
    const results: Array<{ designId: string; applied: number; kept: number }> = [];
    const editor = { principal: { userId: user.id, brokerageId, role: user.role } };
    for (const d of await designs.profileFilled(brokerageId, user.id)) {
      if (only && !only.includes(d.id)) continue;
      const record = d.record as ProfileFillRecord;
      let applied = 0;
      let kept = 0;
      const objects: Record<string, string> = { ...record.objects };
      const bindings: Record<string, string> = { ...record.bindings };
      await this.deps.rooms.withRoom(d.id, (room) => {
        const before = readDesign(room.doc).design;
        const plan = profileFillChanges(before, record, ctx.agent, ctx.options);
        kept = plan.kept.length;
        if (!plan.changes.length) return;
        room.editAs(editor, (doc) => {
          const map = objectsMap(doc);
          for (const c of plan.changes) {
            const m = map.get(c.objectId);
            const o = m instanceof Y.Map ? readObject(c.objectId, m) : null;
            const next = o ? refilled(o, ctx.agent, ctx.options, before) : null;
            if (!m || !next) continue;
            const props: Record<string, unknown> =
              next.type === 'text'
                ? { text: next.text, fontSize: next.fontSize }
                : next.type === 'image'
                  ? { src: next.src, fit: next.fit, naturalWidth: next.naturalWidth, naturalHeight: next.naturalHeight }
                  : {};
            for (const [key, v] of Object.entries(props)) {
              if (v === undefined) m.delete(key);
              else if (m.get(key) !== v) m.set(key, v);
            }
            if (next.type === 'text' && m.has('sampleText')) m.delete('sampleText');
          }
        });
        // What the guard put back (a locked field) was not updated: counted as kept, not recorded as filled.
        const after = objectsMap(room.doc);
        for (const c of plan.changes) {
          const m = after.get(c.objectId);
          const o = m instanceof Y.Map ? readObject(c.objectId, m) : null;
          if (o && shownBy(o) === c.to) {
            objects[c.objectId] = c.to;
            bindings[c.objectId] = c.binding;
            applied++;
          } else kept++;
        }
      });
      if (applied) await designs.setProfileFill(brokerageId, d.id, { bindings, objects });
      results.push({ designId: d.id, applied, kept });
    }
    return results.filter((r) => r.applied > 0 || (only?.includes(r.designId) ?? false));
  }
}
