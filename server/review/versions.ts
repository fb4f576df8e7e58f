import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { metaMap, objectsMap, objectToYMap, type Design, type VersionKind, type VersionSummary } from '../../shared/index.js';
import { SERVER, loadStoredDoc, type DocumentStore, type RoomExtension, type RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { ChangeTracker, designOfState, diffDesigns, type ChangesByPerson } from './changes.js';

export type { VersionKind, VersionSummary };

// A burst of activity ends after this much quiet; long sessions still get a version this often.
const QUIET_MS = 30_000;
const MAX_GAP_MS = 5 * 60_000;

/** Version history: automatic versions after bursts, named ones, preview and restore-as-a-new-change. */
export class VersionService {
  private readonly trackers = new Map<string, ChangeTracker>();
  private readonly timer: NodeJS.Timeout;
  private lastVersionAt = new Map<string, number>();

  constructor(private readonly deps: { db: Db; rooms: RoomManager; store: DocumentStore; log: FastifyBaseLogger; quietMs?: number }) {
    this.timer = setInterval(() => void this.autoVersions(), 5_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Who changed what in each loaded room, and a last automatic version when a room with unrecorded changes unloads. */
  extension(): RoomExtension {
    return {
      name: 'versions',
      onLoad: ({ room }) => {
        this.trackers.set(room.designId, new ChangeTracker(room));
        this.lastVersionAt.set(room.designId, Date.now());
      },
      onChange: ({ room, changes }) => this.trackers.get(room.designId)?.note(changes),
      beforeUnload: ({ room }) => {
        const tracker = this.trackers.get(room.designId);
        // Last chance to keep who-changed-what before the room unloads (not awaited: an unload never waits on it).
        if (tracker?.hasChanges) {
          const state = room.encodeState();
          void this.insert(room.designId, 'auto', null, null, state, tracker.take()).catch((err) =>
            this.deps.log.warn({ err }, 'version on unload failed'),
          );
        }
        this.trackers.delete(room.designId);
        this.lastVersionAt.delete(room.designId);
      },
    };
  }

  private async autoVersions(): Promise<void> {
    const now = Date.now();
    const quiet = this.deps.quietMs ?? QUIET_MS;
    for (const [designId, tracker] of this.trackers) {
      if (!tracker.hasChanges) continue;
      const since = this.lastVersionAt.get(designId) ?? 0;
      if (now - tracker.lastChangeAt < quiet && now - since < MAX_GAP_MS) continue;
      const room = this.deps.rooms.peek(designId);
      if (!room) continue;
      await this.create(designId, 'auto', null, null).catch((err) => this.deps.log.warn({ err, designId }, 'auto version failed'));
    }
  }

  /** Records a version of the current state (any kind). */
  async create(designId: string, kind: VersionKind, name: string | null, userId: string | null): Promise<string> {
    const room = this.deps.rooms.peek(designId);
    const state = room ? room.encodeState() : await this.storedState(designId);
    const changes = this.trackers.get(designId)?.take() ?? {};
    this.lastVersionAt.set(designId, Date.now());
    return this.insert(designId, kind, name, userId, state, changes);
  }

  private async insert(
    designId: string,
    kind: VersionKind,
    name: string | null,
    userId: string | null,
    state: Uint8Array,
    changes: ChangesByPerson,
  ): Promise<string> {
    const id = randomUUID();
    await this.deps.db.query(
      `INSERT INTO design_versions (id, design_id, brokerage_id, kind, name, state, changes, created_by)
       SELECT $1, $2, brokerage_id, $3, $4, $5, $6, $7 FROM designs WHERE id = $2`,
      [id, designId, kind, name, state, JSON.stringify(changes), userId],
    );
    return id;
  }

  private async storedState(designId: string): Promise<Uint8Array> {
    const doc = await loadStoredDoc(this.deps.store, designId);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The timeline, newest first, each with what changed since the version before it. */
  async list(brokerageId: string, designId: string): Promise<VersionSummary[]> {
    const { rows } = await this.deps.db.query<{
      id: string;
      kind: VersionKind;
      name: string | null;
      created_at: Date | string;
      created_by: string | null;
      creator: string | null;
      changes: unknown;
      state: Uint8Array;
    }>(
      `SELECT v.id, v.kind, v.name, v.created_at, v.created_by, u.name AS creator, v.changes, v.state
       FROM design_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.brokerage_id = $1 AND v.design_id = $2 ORDER BY v.created_at ASC, v.id ASC LIMIT 200`,
      [brokerageId, designId],
    );
    let previous: Design = { meta: { title: '', kind: 'flyer', width: 1, height: 1, background: '#ffffff' }, objects: {} };
    const out: VersionSummary[] = [];
    for (const r of rows) {
      const design = designOfState(r.state instanceof Uint8Array ? r.state : new Uint8Array(r.state));
      out.push({
        id: r.id,
        kind: r.kind,
        name: r.name,
        createdAt: new Date(r.created_at).toISOString(),
        createdBy: r.created_by,
        createdByName: r.creator,
        changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as ChangesByPerson,
        diff: diffDesigns(previous, design),
      });
      previous = design;
    }
    return out.reverse();
  }

  /** A version's design, for read-only preview. */
  async preview(brokerageId: string, designId: string, versionId: string): Promise<Design | null> {
    const { rows } = await this.deps.db.query<{ state: Uint8Array }>(
      'SELECT state FROM design_versions WHERE brokerage_id = $1 AND design_id = $2 AND id = $3',
      [brokerageId, designId, versionId],
    );
    return rows[0] ? designOfState(rows[0].state instanceof Uint8Array ? rows[0].state : new Uint8Array(rows[0].state)) : null;
  }

  /**
   * Restores a version as a new change on the live document (collaborators
   * receive it like any edit; history is never rewritten). It is an edit by the
   * person who asks: the collaboration guard judges it as if their socket had
   * sent it, so locked objects keep their current state unless they may change them.
   */
  async restore(brokerageId: string, designId: string, versionId: string, by: { id: string; role: string }): Promise<boolean> {
    const target = await this.preview(brokerageId, designId, versionId);
    if (!target) return false;
    await this.create(designId, 'restore', 'Before restore', by.id);
    const editor = { principal: { userId: by.id, brokerageId, role: by.role } };
    await this.deps.rooms.withRoom(designId, (room) => room.editAs(editor, (doc) => applyDesign(doc, target)));
    return true;
  }
}

/** Makes the doc equal to `target` with the fewest property changes, in one transaction (the caller's, or a server one). */
export function applyDesign(doc: Y.Doc, target: Design): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [k, v] of Object.entries(target.meta))
      if (v !== undefined && JSON.stringify(meta.get(k)) !== JSON.stringify(v)) meta.set(k, v);
    const objects = objectsMap(doc);
    for (const id of [...objects.keys()]) if (!target.objects[id]) objects.delete(id);
    for (const [id, object] of Object.entries(target.objects)) {
      const current = objects.get(id);
      if (!current) {
        objects.set(id, objectToYMap(object));
        continue;
      }
      const wanted = object as Record<string, unknown>;
      for (const key of [...current.keys()]) if (!(key in wanted) || wanted[key] === undefined) current.delete(key);
      for (const [k, v] of Object.entries(wanted)) {
        if (k === 'id' || v === undefined) continue;
        if (JSON.stringify(current.get(k)) !== JSON.stringify(v)) current.set(k, v);
      }
    }
  }, SERVER);
}
