/**
 * Shared design thumbnails: once a design's edits settle, the server draws its first page with the
 * one renderer (SVG → PNG with resvg, off the event loop) and stores it; everyone sees the same
 * picture. Watching a room costs one timer; nothing runs on the collaboration path itself.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { readDesign, type Design } from '../../shared/index.js';
import { currentDesign, type DocumentStore, type RoomExtension, type RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { brokerageFonts, designPng, type ImageSourceDeps } from '../render/index.js';

/** Thumbnail width, px (the designs grid shows ~240 px; 2× for sharp screens). */
export const THUMBNAIL_WIDTH = 480;

export interface ThumbnailOptions {
  db: Db;
  store: DocumentStore;
  rooms: RoomManager;
  log: FastifyBaseLogger;
  images: (brokerageId: string) => ImageSourceDeps;
  /** Quiet time after the last edit before drawing (default 3 s). */
  settleMs?: number;
}

export interface StoredThumbnail {
  png: Uint8Array;
  etag: string;
}

export class ThumbnailService {
  /** One drawing at a time per process: thumbnails are background work. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: ThumbnailOptions) {}

  /** Redraws a room's thumbnail once its local edits (this instance's sockets, the server) settle. */
  extension(): RoomExtension {
    const timers = new Map<string, NodeJS.Timeout>();
    return {
      name: 'thumbnails',
      onChange: ({ room, changes }) => {
        if (!changes.local) return;
        clearTimeout(timers.get(room.designId));
        const timer = setTimeout(() => {
          timers.delete(room.designId);
          const { design } = readDesign(room.doc);
          void this.enqueue(() => this.render(room.designId, design, room.seq)).catch((err: unknown) =>
            this.opts.log.warn({ err, designId: room.designId }, 'thumbnail failed'),
          );
        }, this.opts.settleMs ?? 3000);
        timer.unref();
        timers.set(room.designId, timer);
      },
      beforeUnload: ({ room }) => {
        clearTimeout(timers.get(room.designId));
        timers.delete(room.designId);
      },
    };
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Draws and stores the first page. */
  async render(designId: string, design: Design, seq: number): Promise<StoredThumbnail | null> {
    const { rows } = await this.opts.db.query<{ brokerage_id: string }>(
      'SELECT brokerage_id FROM designs WHERE id = $1 AND deleted_at IS NULL',
      [designId],
    );
    const brokerageId = rows[0]?.brokerage_id;
    if (!brokerageId) return null;
    const { book } = await brokerageFonts(this.opts.db, brokerageId);
    const { png } = await designPng(design, this.opts.images(brokerageId), { page: 0, width: THUMBNAIL_WIDTH, book });
    const etag = `"${createHash('sha1').update(png).digest('base64url')}"`;
    await this.opts.db.query(
      `INSERT INTO design_thumbnails (design_id, brokerage_id, png, etag, seq, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (design_id) DO UPDATE SET png = EXCLUDED.png, etag = EXCLUDED.etag, seq = EXCLUDED.seq, updated_at = now()`,
      [designId, brokerageId, png, etag, seq],
    );
    return { png, etag };
  }

  /** The stored thumbnail of a design in the brokerage; drawn now if there is none yet. */
  async get(brokerageId: string, designId: string): Promise<StoredThumbnail | null> {
    const { rows } = await this.opts.db.query<{ png: Uint8Array; etag: string }>(
      'SELECT png, etag FROM design_thumbnails WHERE brokerage_id = $1 AND design_id = $2',
      [brokerageId, designId],
    );
    if (rows[0]) return { png: new Uint8Array(rows[0].png), etag: rows[0].etag };
    const design = await currentDesign(this.opts.rooms, this.opts.store, designId);
    return this.enqueue(() => this.render(designId, design, 0));
  }
}
