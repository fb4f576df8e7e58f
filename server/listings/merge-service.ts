/**
 * Designs bound to a listing: the merge at creation, and "listing changed →
 * update" later. Policy for updates (documented in README.md): a bound
 * object is updated only while it still shows what the last merge put there;
 * an object the agent has since edited is kept as is and reported as `kept`
 * (`force: true` updates those too). Everything else in the design is never
 * touched. Changes are ordinary Yjs property changes made through the live
 * room (loaded if needed) as an edit by the requester, judged by the same guard
 * as their socket's edits (locked fields stay unless they may change locked
 * objects), so every connected editor sees them at once.
 */
import * as Y from 'yjs';
import {
  applyBoundValue,
  diffValues,
  isOnlineKind,
  listingValues,
  mergeListingDetailed,
  readObject,
  resolveBinding,
  objectsMap,
  type AgentProfile,
  type BrandKit,
  type Design,
  type DesignKind,
} from '../../shared/index.js';
import type { DocumentStore, RoomManager } from '../collab/index.js';
import type { Db, Queryable } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository, OfficeRepository } from '../repos/index.js';
import { officeAddress } from '../../shared/api/offices.js';
import { ListingRepository, listingPhotoPath } from './repo.js';

/** What `designs.listing_merge` holds. */
export interface MergeRecord {
  listingVersion: number;
  kind: DesignKind;
  timeZone: string;
  /** Formatted values of the listing's bindings at the last merge. */
  values: Record<string, string>;
  /** Object id → its binding, for every object the merge resolved. */
  bindings: Record<string, string>;
  /** Object id → what the last merge made it show (text or image src). */
  objects: Record<string, string>;
}

/** Reported even when nothing in the design shows them: a price or status change matters to the agent. */
const ALWAYS_WATCHED = ['listing.ListPrice', 'listing.StandardStatus'];

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The agent profile of a user (name, phone, email, license numbers, headshot, their office), scoped by brokerage. */
export async function agentProfile(db: Queryable, brokerageId: string, userId: string): Promise<AgentProfile | null> {
  const { rows } = await db.query<{ name: string; email: string; profile: unknown }>(
    'SELECT name, email, profile FROM users WHERE brokerage_id = $1 AND id = $2',
    [brokerageId, userId],
  );
  const row = rows[0];
  if (!row) return null;
  const p = (json(row.profile) ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const licenses =
    typeof p.licenseNumbers === 'object' && p.licenseNumbers !== null && !Array.isArray(p.licenseNumbers)
      ? (p.licenseNumbers as Record<string, unknown>)
      : {};
  const licenseNumbers = Object.fromEntries(Object.entries(licenses).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const photo = str(p.photo) ?? str(p.headshot);
  const phone = str(p.phone);
  const office = await new OfficeRepository(db).ofPerson(brokerageId, userId);
  return {
    name: str(p.displayName) ?? row.name,
    email: str(p.email) ?? row.email,
    ...(phone ? { phone } : {}),
    licenseNumbers,
    ...(photo ? { photo } : {}),
    ...(office
      ? {
          office: {
            name: office.name,
            address: officeAddress(office),
            phone: office.phone,
            licenseNumbers: Object.fromEntries(office.licenses.map((l) => [l.state, l.number])),
          },
        }
      : {}),
  };
}

function licenseStates(kit: BrandKit, listingState?: string): string[] {
  return [...(listingState ? [listingState] : []), ...kit.rulePacks.filter((p) => p !== 'federal')];
}

/**
 * Merges a listing (and the user as agent) into a freshly instantiated
 * design. 404 for a listing of another brokerage, 422 when the seller's
 * opt-out forbids this kind.
 */
async function mergeNew(
  db: Db,
  user: { id: string; brokerageId: string },
  design: Design,
  listingId: string,
): Promise<{ design: Design; record: MergeRecord; listingId: string }> {
  const listing = await new ListingRepository(db).get(user.brokerageId, listingId);
  if (!listing) throw notFound('Listing');
  const kit = await new BrokerageRepository(db).brandKit(user.brokerageId);
  if (!kit) throw notFound('Brokerage');
  if (!listing.listing.internetDisplay && isOnlineKind(design.meta.kind)) {
    throw new AppError(
      422,
      'listing_display_restricted',
      `The seller opted out of internet display, so this listing cannot be used in a ${design.meta.kind}`,
    );
  }
  const agent = await agentProfile(db, user.brokerageId, user.id);
  const options = {
    kind: design.meta.kind,
    timeZone: kit.timeZone,
    kit,
    now: Date.now(),
    licenseStates: licenseStates(kit, listing.listing.address.stateOrProvince),
    photoSrc: (i: number) => listingPhotoPath(listing.id, i),
  };
  const merged = mergeListingDetailed(design, listing.listing, agent, options);
  const bindings: Record<string, string> = {};
  for (const id of Object.keys(merged.objects)) bindings[id] = merged.design.objects[id]!.binding!;
  return {
    design: merged.design,
    listingId: listing.id,
    record: {
      listingVersion: listing.version,
      kind: design.meta.kind,
      timeZone: kit.timeZone,
      values: merged.values,
      bindings,
      objects: merged.objects,
    },
  };
}

/** Records the link in the same transaction that creates the design. */
async function link(tx: Queryable, brokerageId: string, designId: string, listingId: string, record: MergeRecord): Promise<void> {
  await tx.query('UPDATE designs SET listing_id = $3, listing_merge = $4 WHERE brokerage_id = $1 AND id = $2', [
    brokerageId,
    designId,
    listingId,
    JSON.stringify(record),
  ]);
}

/** What `GET/POST /api/designs/:id/listing-update` answer (shared/api/listings.ts). */
export type { AppliedListingUpdate as AppliedUpdate, PendingListingUpdate as PendingUpdate } from '../../shared/api/listings.js';
import type { AppliedListingUpdate as AppliedUpdate, PendingListingUpdate as PendingUpdate } from '../../shared/api/listings.js';

export interface DesignListingDeps {
  db: Db;
  store: DocumentStore;
  rooms: RoomManager;
}

export class DesignListingService {
  private readonly listings: ListingRepository;
  private readonly brokerages: BrokerageRepository;

  constructor(private readonly deps: DesignListingDeps) {
    this.listings = new ListingRepository(deps.db);
    this.brokerages = new BrokerageRepository(deps.db);
  }

  async mergeNew(user: { id: string; brokerageId: string }, design: Design, listingId: string) {
    return mergeNew(this.deps.db, user, design, listingId);
  }

  async link(tx: Queryable, brokerageId: string, designId: string, listingId: string, record: MergeRecord): Promise<void> {
    return link(tx, brokerageId, designId, listingId, record);
  }

  private async linkOf(brokerageId: string, designId: string): Promise<{ listingId: string | null; record: MergeRecord | null } | null> {
    const { rows } = await this.deps.db.query<{ listing_id: string | null; listing_merge: unknown }>(
      'SELECT listing_id, listing_merge FROM designs WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL',
      [brokerageId, designId],
    );
    if (!rows[0]) return null;
    return { listingId: rows[0].listing_id, record: (json(rows[0].listing_merge) as MergeRecord | null) ?? null };
  }

  private async pending(brokerageId: string, designId: string) {
    const link = await this.linkOf(brokerageId, designId);
    if (!link) throw notFound('Design');
    const none: PendingUpdate = {
      listingId: link.listingId,
      listingVersion: null,
      mergedVersion: link.record?.listingVersion ?? null,
      changed: [],
    };
    if (!link.listingId || !link.record) return { result: none };
    const listing = await this.listings.get(brokerageId, link.listingId);
    if (!listing) return { result: none };
    const record = link.record;
    const opts = {
      timeZone: record.timeZone,
      online: isOnlineKind(record.kind),
      now: Date.now(),
      photoSrc: (i: number) => listingPhotoPath(listing.id, i),
    };
    const now = listingValues(listing.listing, opts);
    const watched = new Set([...ALWAYS_WATCHED, ...Object.values(record.bindings).filter((b) => b.startsWith('listing.'))]);
    const pick = (values: Record<string, string>) => Object.fromEntries([...watched].map((b) => [b, values[b] ?? '']));
    const changed = diffValues(pick(record.values), pick(now)).map((c) => ({
      ...c,
      objectIds: Object.entries(record.bindings)
        .filter(([, b]) => b === c.binding)
        .map(([id]) => id)
        .sort(),
    }));
    return {
      result: { listingId: listing.id, listingVersion: listing.version, mergedVersion: record.listingVersion, changed },
      listing,
      record,
      now,
      opts,
    };
  }

  /** What changed in the bound listing since the design's last merge. */
  async pendingChanges(brokerageId: string, designId: string): Promise<PendingUpdate> {
    return (await this.pending(brokerageId, designId)).result;
  }

  /** Applies the pending listing changes to the bound objects (see the policy at the top). */
  async apply(brokerageId: string, designId: string, force: boolean, by: { id: string; role: string }): Promise<AppliedUpdate> {
    const p = await this.pending(brokerageId, designId);
    if (!p.listing || !p.record) return { ...p.result, applied: [], kept: [] };
    const { listing, record, now, opts } = p;
    const kit = (await this.brokerages.brandKit(brokerageId)) ?? undefined;
    const changedBindings = new Set(p.result.changed.map((c) => c.binding));
    const applied: AppliedUpdate['applied'] = [];
    const kept: AppliedUpdate['kept'] = [];
    const shown: Record<string, string> = {};

    const edit = (doc: Y.Doc) => {
      const objects = objectsMap(doc);
      for (const [objectId, binding] of Object.entries(record.bindings)) {
        if (!changedBindings.has(binding)) continue;
        const map = objects.get(objectId);
        const object = map instanceof Y.Map ? readObject(objectId, map) : null;
        if (!map || !object) continue; // deleted by the agent
        const current = object.type === 'text' ? object.text : object.type === 'image' ? object.src : '';
        if (current !== record.objects[objectId] && !force) {
          kept.push({ objectId, binding, current });
          continue;
        }
        const value = resolveBinding(binding, listing.listing, null, opts);
        if (!value) continue;
        const next = applyBoundValue(object, value, kit);
        const props: Record<string, unknown> =
          next.type === 'text'
            ? { text: next.text, fontSize: next.fontSize }
            : next.type === 'image'
              ? { src: next.src, fit: next.fit, naturalWidth: next.naturalWidth, naturalHeight: next.naturalHeight }
              : {};
        for (const [key, v] of Object.entries(props)) {
          if (v === undefined) map.delete(key);
          else if (map.get(key) !== v) map.set(key, v);
        }
        applied.push({ objectId, binding });
        shown[objectId] = next.type === 'text' ? next.text : next.type === 'image' ? next.src : '';
      }
    };

    // An edit by the person who asks, through the live room (loaded if needed) and its guard:
    // a locked bound field keeps its value unless they may change locked objects.
    const editor = { principal: { userId: by.id, brokerageId, role: by.role } };
    await this.deps.rooms.withRoom(designId, (room) => {
      room.editAs(editor, edit);
      // What the guard put back was not updated: report it as kept, and do not record it as merged.
      const objects = objectsMap(room.doc);
      for (let i = applied.length - 1; i >= 0; i--) {
        const { objectId, binding } = applied[i]!;
        const map = objects.get(objectId);
        const object = map instanceof Y.Map ? readObject(objectId, map) : null;
        const current = object?.type === 'text' ? object.text : object?.type === 'image' ? object.src : '';
        if (current === shown[objectId]) continue;
        applied.splice(i, 1);
        delete shown[objectId];
        kept.push({ objectId, binding, current, locked: true });
      }
    });
    const nextRecord: MergeRecord = {
      ...record,
      listingVersion: listing.version,
      values: { ...record.values, ...now },
      objects: { ...record.objects, ...shown },
    };
    await this.deps.db.query('UPDATE designs SET listing_merge = $3 WHERE brokerage_id = $1 AND id = $2', [
      brokerageId,
      designId,
      JSON.stringify(nextRecord),
    ]);
    return { ...p.result, applied, kept };
  }
}

/**
 * For POST /api/designs {templateId, listingId}: the instantiated design with
 * the listing merged, and a `link` to call inside the transaction that
 * creates the design row (it records the listing id and what was merged).
 */
export async function mergeListingForNewDesign(
  db: Db,
  user: { id: string; brokerageId: string },
  design: Design,
  listingId: string,
  fromTemplate: boolean,
): Promise<{ design: Design; link: (tx: Queryable, designId: string) => Promise<void> }> {
  if (!fromTemplate) {
    throw new AppError(400, 'validation_failed', 'templateId: required with listingId', {
      fields: [{ field: 'templateId', message: 'required with listingId' }],
    });
  }
  const merged = await mergeNew(db, user, design, listingId);
  return { design: merged.design, link: (tx, designId) => link(tx, user.brokerageId, designId, merged.listingId, merged.record) };
}
