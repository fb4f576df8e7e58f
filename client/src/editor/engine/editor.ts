/**
 * The editor: composes the design session (Yjs + WebSocket + IndexedDB), the
 * fabric canvas and its binding, viewport, snapping guides, creation tools,
 * presence and undo, and exposes commands for the React UI.
 */
import * as Y from 'yjs';
import { ActiveSelection, Canvas } from 'fabric';
import { objectToYMap, type DesignMeta, type DesignObject } from '../../../../shared/design/index.js';
import type { BrandKit } from '../../../../shared/brand/index.js';
import { CanvasBinding, COMMAND_ORIGIN, CANVAS_ORIGIN } from './binding.js';
import { fitForUpload, MAX_UPLOAD_BYTES } from './downscale.js';
import { unionAABB, round2 } from './convert.js';
import { exportPdf, exportPng } from './export.js';
import type { CmykSwatch } from '../../../../shared/render/pdf.js';
import type { Placeholder } from '../../../../shared/render/index.js';
import { Guides } from './guides.js';
import { TransformCache } from './transform-cache.js';
import { installKeyboard } from './keyboard.js';
import { PresenceLayer, userColor } from './presence.js';
import { DesignSession } from './session.js';
import { alignOffsets, distributeOffsets, type AlignMode } from './snapping.js';
import { initialState, Store, toLayer, type EditorState, type Tool } from './store.js';
import { clampToPage, CreationTool, newId, objectForTool, type NewObject } from './tools.js';
import { Viewport } from './viewport.js';
import { redrawWhenFontsLoad } from './font-loading.js';
import { keysOnTop, zBack, zBackward, zForward, zFront } from './zorder.js';
import { clampPage, pageCount, pageForNew, planPageDeletion } from './pages.js';
import { reuseItems, sameValue } from './stable.js';

const byId = (item: { id: string }): string => item.id;

/** Who edits: their presence label and colour. */
export interface EditorUser {
  id: string;
  name: string;
}

/** What the local user may do with this design. */
export interface EditorAccess {
  canEdit: boolean;
  /** May lock, unlock and change locked elements (brand managers). */
  canLock: boolean;
}

/** An image stored by the app; the engine places it by its URL and natural size. */
export interface StoredImage {
  url: string;
  width: number;
  height: number;
}

/**
 * What the engine asks of the app around it. The engine knows no HTTP API: uploads and the session
 * cookie's renewal come in here, so it can run in a test, a preview or another app.
 */
export interface EditorServices {
  /** Stores an image file (already made small enough for upload). */
  uploadImage(file: File): Promise<StoredImage>;
  /** Renews an expired session when the collaboration socket was refused for it; true when it may reconnect. */
  renewSession(): Promise<boolean>;
}

export interface EditorOptions {
  designId: string;
  user: EditorUser;
  access: EditorAccess;
  services: EditorServices;
  kit: BrandKit | null;
  /** The design's state fetched with its record (api.designState), drawn before the socket syncs. */
  serverCopy?: Uint8Array | null;
  /** Element the canvas fills. */
  host: HTMLElement;
  onError(message: string): void;
  onInfo?(message: string): void;
}

const WORKSPACE = '#e8ebf0';
const CLIPBOARD_MIME = 'application/x-realbrand-objects';
const TEXT_LAYOUT_KEYS = ['text', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'width', 'lineHeight'];

export class Editor {
  readonly store = new Store<EditorState>(initialState);
  readonly session: DesignSession;
  readonly canvas: Canvas;
  readonly binding: CanvasBinding;
  readonly viewport: Viewport;
  readonly presence: PresenceLayer;
  readonly undoManager: Y.UndoManager;
  private guides: Guides;
  private transformCache: TransformCache;
  private tools: CreationTool;
  private canvasEl: HTMLCanvasElement;
  private overlay: HTMLElement;
  private offs: Array<() => void> = [];
  private userMovedViewport = false;
  /** The first frame after the design is ready has scheduled the deferred work (text caches, side panels). */
  private drawnScheduled = false;
  private clipboard: DesignObject[] = [];
  private pasteCount = 0;
  private frame = 0;
  private pending = { layers: false, selected: false };
  /** Each peer's selection as last seen (see expectRemoteMoves). */
  private peerSelections = new Map<number, string>();

  constructor(readonly opts: EditorOptions) {
    const { host, access, user } = opts;
    performance.mark('realbrand:editor-start');
    this.session = new DesignSession(opts.designId, opts.serverCopy ?? null, { renewSession: opts.services.renewSession });

    this.canvasEl = document.createElement('canvas');
    host.append(this.canvasEl);
    this.overlay = document.createElement('div');
    this.overlay.className = 'canvas-overlay';
    host.append(this.overlay);
    const rect = host.getBoundingClientRect();
    this.canvas = new Canvas(this.canvasEl, {
      width: Math.max(1, rect.width),
      height: Math.max(1, rect.height),
      renderOnAddRemove: false,
      preserveObjectStacking: true,
      backgroundColor: WORKSPACE,
      selectionColor: 'rgba(37, 99, 235, 0.08)',
      selectionBorderColor: '#2563eb',
      selectionLineWidth: 1,
      selectionKey: 'shiftKey',
      uniformScaling: true,
      stopContextMenu: true,
      fireRightClick: false,
      targetFindTolerance: 4,
      controlsAboveOverlay: true,
    });

    this.binding = new CanvasBinding(this.session.doc, this.canvas, { canEdit: access.canEdit, canLock: access.canEdit && access.canLock });
    this.binding.start();
    this.offs.push(redrawWhenFontsLoad(this.canvas));
    performance.mark('realbrand:canvas-bound');

    this.viewport = new Viewport(
      this.canvas,
      host,
      () => this.binding.meta,
      () => this.binding.isEditingText(),
    );
    this.guides = new Guides(this.canvas, this.binding);
    this.transformCache = new TransformCache(this.canvas, this.binding);
    this.offs.push(this.transformCache.addOverlay(() => this.guides.extents()));
    this.tools = new CreationTool(this.canvas, (tool, box) => this.createFromTool(tool, box));
    this.presence = new PresenceLayer(this.overlay, this.session.awareness, this.binding, this.canvas, {
      id: user.id,
      name: user.name,
      color: userColor(user.id),
    });

    this.undoManager = new Y.UndoManager([this.binding.objects, this.binding.metaMap], {
      trackedOrigins: new Set([CANVAS_ORIGIN, COMMAND_ORIGIN]),
      captureTimeout: 400,
    });

    this.wire();
    this.resize();
    this.viewport.fit();
    this.refreshLayers();
    this.store.set({ meta: this.binding.meta, zoom: this.viewport.zoom });
    this.offs.push(installKeyboard(this, () => this.store.set({ help: !this.store.get().help })));
    // The server's copy may already be in: then the design is ready before the socket connects.
    this.onSession();

    // Test hook: `?e2e` on the editor's URL, or a tab flagged by a test for in-app navigation (the design list's links carry no query).
    if (new URLSearchParams(window.location.search).has('e2e') || sessionStorage.getItem('realbrand:e2e') === '1' || import.meta.env.DEV) {
      (window as unknown as { __realbrand: unknown }).__realbrand = { doc: this.session.doc, canvas: this.canvas, editor: this };
    }
  }

  get canEdit(): boolean {
    return this.binding.options.canEdit;
  }
  get canLock(): boolean {
    return this.binding.options.canLock;
  }

  // ---------------------------------------------------------------- wiring

  private wire(): void {
    const { host } = this.opts;
    const ro = new ResizeObserver(() => this.resize());
    ro.observe(host);
    this.offs.push(() => ro.disconnect());

    this.offs.push(
      this.binding.on({
        selection: (ids) => {
          this.presence.setSelection(ids);
          this.store.set({ selection: this.keptSelection(ids) });
          this.schedule({ selected: true });
          this.presence.schedule();
        },
        objects: (ids, structural) => {
          const sel = this.store.get().selection;
          this.schedule({ layers: structural, selected: sel.some((id) => ids.has(id)) });
          this.presence.schedule();
          if (!this.store.get().ready && this.binding.objects.size > 0 && this.hasCopy()) this.store.set({ ready: true });
        },
        meta: (meta) => {
          this.store.set({ meta });
          // Someone deleted the page shown (or the last pages): stay on a page that exists.
          const page = clampPage(this.binding.currentPage, pageCount(meta));
          if (page !== this.binding.currentPage) this.setPage(page);
          if (!this.userMovedViewport) this.viewport.fit();
        },
        committed: () => this.undoManager.stopCapturing(),
      }),
      this.viewport.onChange(() => {
        this.store.set({ zoom: this.viewport.zoom });
        this.presence.schedule();
      }),
      this.presence.onPeers(() => {
        // Cursor moves change nothing here: the panels keep their render.
        const peers = this.presence.peers.map(({ clientId, user, page, self }) => ({ clientId, user, page, self }));
        this.store.set({ peers: reuseItems(this.store.get().peers, peers, (p) => String(p.clientId)) });
        this.expectRemoteMoves();
      }),
      this.session.subscribe(() => this.onSession()),
      this.canvas.on('after:render', ({ ctx }) => {
        this.drawPageMask(ctx as CanvasRenderingContext2D);
        // The design is on screen: text caches and the side panels can be built now, off the first frame's path.
        if (!this.drawnScheduled && this.store.get().ready) {
          this.drawnScheduled = true; // once: this runs on every frame
          this.binding.cacheTextSoon();
          // Once this frame is on screen and the browser is idle, not inside or right after it.
          const drawn = () => {
            this.store.set({ drawn: true });
            this.loadLayoutFonts();
          };
          if (typeof requestIdleCallback === 'function') requestIdleCallback(drawn, { timeout: 300 });
          else setTimeout(drawn, 50);
        }
      }),
    );
    // Zooming or panning by hand stops automatic fitting.
    const markMoved = () => (this.userMovedViewport = true);
    host.addEventListener('wheel', markMoved, { passive: true });
    this.offs.push(() => host.removeEventListener('wheel', markMoved), this.viewport.onGesture(markMoved));

    const undoState = () => this.store.set({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    this.undoManager.on('stack-item-added', (e: { stackItem: { meta: Map<string, unknown> } }) => {
      e.stackItem.meta.set('selection', this.binding.selectedIds());
      undoState();
    });
    this.undoManager.on('stack-item-popped', (e: { stackItem: { meta: Map<string, unknown> } }) => {
      const ids = (e.stackItem.meta.get('selection') as string[] | undefined) ?? [];
      this.binding.select(ids.filter((id) => this.binding.fabricOf(id)));
      undoState();
    });
    this.undoManager.on('stack-cleared', undoState);

    // Right-click: select what is under the pointer (unless it is already selected) and open the menu.
    const contextMenu = (e: MouseEvent) => {
      e.preventDefault();
      if (!this.canEdit) return;
      const target = this.canvas.findTarget(e as unknown as PointerEvent).target;
      if (!target) this.binding.select([]);
      else if (!(target instanceof ActiveSelection)) {
        const id = this.binding.idOf(target);
        if (id && target.selectable && !this.binding.selectedIds().includes(id)) this.binding.select([id]);
      }
      this.store.set({ menu: { x: e.clientX, y: e.clientY } });
    };
    // Capture: fabric stops the event on its own element.
    host.addEventListener('contextmenu', contextMenu, { capture: true });
    this.offs.push(() => host.removeEventListener('contextmenu', contextMenu, { capture: true }));

    // Files dropped on the canvas become images where they land.
    const over = (e: DragEvent) => {
      if (this.canEdit && e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (!files.length || !this.canEdit) return;
      e.preventDefault();
      const at = this.canvas.getScenePoint(e as unknown as MouseEvent);
      files.forEach((f, i) => void this.addImageFile(f, { x: at.x + i * 20, y: at.y + i * 20 }));
    };
    host.addEventListener('dragover', over);
    host.addEventListener('drop', drop);
    this.offs.push(
      () => host.removeEventListener('dragover', over),
      () => host.removeEventListener('drop', drop),
    );
  }

  private onSession(): void {
    const s = this.session.status;
    const ready = this.store.get().ready || s.synced || (this.hasCopy() && this.binding.objects.size > 0);
    if (ready && !this.store.get().ready) {
      performance.mark('realbrand:ready');
      // Even an empty design is drawn once after it is ready: that frame lets the panels in (drawn).
      this.canvas.requestRenderAll();
    }
    this.store.set({ connection: s.connection, save: s.save, fatal: s.fatal, ready });
  }

  /**
   * After the first frame: the brand font files (the renderer's, parsed by fontkit, a chunk of its
   * own) go into the shared font book and every text object is laid out again with them, so the
   * canvas breaks lines where the PDF does. Exports wait for the same load.
   */
  private loadLayoutFonts(): void {
    let live = true;
    this.offs.push(() => (live = false));
    import('./render-fonts.js')
      .then(({ loadRenderFonts }) => loadRenderFonts())
      .then(() => {
        if (!live) return;
        this.binding.relayoutText();
        this.store.set({ layoutFonts: true });
      })
      .catch((err: unknown) => console.warn('brand fonts for the text layout did not load', err));
  }

  /** A copy of the design is in (this device's or the server's) while the socket syncs. */
  private hasCopy(): boolean {
    const s = this.session.status;
    return s.localLoaded || s.serverCopy;
  }

  private resize(): void {
    const r = this.opts.host.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return;
    this.canvas.setDimensions({ width: r.width, height: r.height });
    if (!this.userMovedViewport) this.viewport.fit();
    this.canvas.requestRenderAll();
  }

  /** Dims what lies outside the page, like a print preview. */
  private drawPageMask(ctx: CanvasRenderingContext2D): void {
    const v = this.canvas.viewportTransform;
    const { width, height } = this.binding.meta;
    const x = v[4];
    const y = v[5];
    const w = width * v[0];
    const h = height * v[3];
    ctx.save();
    ctx.fillStyle = 'rgba(232, 235, 240, 0.86)';
    ctx.beginPath();
    ctx.rect(0, 0, this.canvas.width, this.canvas.height);
    ctx.rect(x, y, w, h);
    ctx.fill('evenodd');
    ctx.restore();
  }

  /** A peer who has just selected something on this page will likely move it: the transform cache prepares for that. */
  private expectRemoteMoves(): void {
    const now = new Map<number, string>();
    let latest: string[] | null = null;
    for (const p of this.presence.peers) {
      if (p.self || p.page !== this.binding.currentPage || p.selection.length === 0) continue;
      const key = p.selection.join(' ');
      now.set(p.clientId, key);
      if (this.peerSelections.get(p.clientId) !== key) latest = p.selection;
    }
    this.peerSelections = now;
    if (latest) this.transformCache.expectRemoteMove(latest);
  }

  /** Batches UI refreshes to one per frame. */
  private schedule(what: { layers?: boolean; selected?: boolean }): void {
    if (what.layers) this.pending.layers = true;
    if (what.selected) this.pending.selected = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.pending.layers) this.refreshLayers();
      if (this.pending.selected) this.refreshSelected();
      this.pending = { layers: false, selected: false };
    });
  }

  private refreshLayers(): void {
    const layers = this.binding.pageModels().reverse().map(toLayer);
    this.store.set({ layers: reuseItems(this.store.get().layers, layers, byId) });
  }

  private refreshSelected(): void {
    const ids = this.binding.selectedIds();
    const models = ids.map((id) => this.binding.model(id)).filter((o): o is DesignObject => !!o);
    // A drag frame changes the dragged object's geometry only: the selection and every other object keep their references.
    this.store.set({ selection: this.keptSelection(ids), selected: reuseItems(this.store.get().selected, models, byId) });
  }

  /** The stored selection when `ids` names the same objects (the store then changes nothing), else `ids`. */
  private keptSelection(ids: string[]): string[] {
    const cur = this.store.get().selection;
    return sameValue(cur, ids) ? cur : ids;
  }

  // ---------------------------------------------------------------- model helpers

  private transact(fn: () => void): void {
    this.session.doc.transact(fn, COMMAND_ORIGIN);
  }

  /** Selected objects the local user may change. */
  private changeable(ids = this.binding.selectedIds()): DesignObject[] {
    return ids.map((id) => this.binding.model(id)).filter((o): o is DesignObject => !!o && this.binding.canChange(o));
  }

  private insert(objects: NewObject[], select = true): string[] {
    if (!this.canEdit || objects.length === 0) return [];
    const keys = keysOnTop(this.binding.stack(), objects.length);
    // New objects (and pasted or duplicated copies) land on the page shown.
    const page = pageForNew(this.binding.currentPage, this.pageCount);
    const ids: string[] = [];
    this.transact(() => {
      objects.forEach((o, i) => {
        const id = newId();
        ids.push(id);
        // New copies are never locked: locks are set on purpose by a brand manager.
        const full = { ...o, id, z: keys[i], locked: undefined, page } as DesignObject;
        this.binding.objects.set(id, objectToYMap(full));
      });
    });
    this.undoManager.stopCapturing();
    if (select) this.binding.select(ids);
    return ids;
  }

  // ---------------------------------------------------------------- commands

  setTool(tool: Tool): void {
    if (!this.canEdit && tool !== 'select') return;
    this.tools.setTool(tool);
    this.store.set({ tool });
  }

  private createFromTool(tool: Exclude<Tool, 'select'>, box: { x: number; y: number; width: number; height: number }): void {
    const ids = this.insert([objectForTool(tool, clampToPage(box, this.binding.meta), this.opts.kit)]);
    this.setTool('select');
    if (tool === 'text' && ids[0]) {
      this.binding.syncTextHeights(ids);
      this.editText(ids[0], true);
    }
  }

  /** Enters in-place editing of a text object. */
  editText(id: string, selectAll = false): void {
    const fo = this.binding.fabricOf(id);
    if (!fo || !('enterEditing' in fo) || !(fo as { editable?: boolean }).editable) return;
    const tb = fo as unknown as { enterEditing(): void; selectAll(): void; hiddenTextarea?: HTMLTextAreaElement };
    this.canvas.setActiveObject(fo);
    tb.enterEditing();
    if (selectAll) tb.selectAll();
    tb.hiddenTextarea?.focus();
    this.canvas.requestRenderAll();
  }

  undo(): void {
    if (this.binding.isEditingText()) return;
    this.undoManager.undo();
  }

  redo(): void {
    if (this.binding.isEditingText()) return;
    this.undoManager.redo();
  }

  select(ids: string[]): void {
    this.binding.select(ids);
  }

  selectAll(): void {
    this.binding.select(
      this.binding
        .pageModels()
        .filter((o) => o.visible !== false && this.binding.canChange(o))
        .map((o) => o.id),
    );
  }

  deleteSelection(): void {
    const objs = this.changeable();
    if (!objs.length) return;
    this.canvas.discardActiveObject();
    this.transact(() => objs.forEach((o) => this.binding.objects.delete(o.id)));
    this.canvas.requestRenderAll();
  }

  duplicate(): void {
    const objs = this.changeable();
    if (!objs.length) return;
    this.insert(objs.map(({ id: _id, z: _z, ...rest }) => ({ ...rest, x: round2(rest.x + 20), y: round2(rest.y + 20) }) as NewObject));
  }

  copy(): DesignObject[] {
    const objs = this.binding
      .selectedIds()
      .map((id) => this.binding.model(id))
      .filter((o): o is DesignObject => !!o);
    if (objs.length) {
      this.clipboard = objs;
      this.pasteCount = 0;
    }
    return objs;
  }

  cut(): void {
    this.copy();
    this.deleteSelection();
  }

  paste(objects: DesignObject[] = this.clipboard): void {
    if (!objects.length) return;
    this.pasteCount++;
    const d = 20 * this.pasteCount;
    this.insert(objects.map(({ id: _id, z: _z, ...rest }) => ({ ...rest, x: round2(rest.x + d), y: round2(rest.y + d) }) as NewObject));
  }

  /** Clipboard event payloads (so copy/paste also works between tabs and designs). */
  get hasClipboard(): boolean {
    return this.clipboard.length > 0;
  }

  clipboardPayload(): string | null {
    const objs = this.copy();
    return objs.length ? JSON.stringify({ [CLIPBOARD_MIME]: objs }) : null;
  }

  pastePayload(text: string): boolean {
    try {
      const data = JSON.parse(text) as Record<string, unknown>;
      const objs = data[CLIPBOARD_MIME];
      if (!Array.isArray(objs)) return false;
      this.clipboard = objs as DesignObject[];
      this.pasteCount = 0;
      this.paste();
      return true;
    } catch {
      return false;
    }
  }

  private restack(fn: (stack: Array<{ id: string; z: string }>, id: string) => string | null, topFirst: boolean): void {
    const objs = this.changeable();
    if (!objs.length) return;
    const order = [...objs].sort((a, b) => (a.z < b.z ? -1 : a.z > b.z ? 1 : 0));
    if (topFirst) order.reverse();
    this.transact(() => {
      for (const o of order) {
        // Stacking is per page: step past the neighbours you can see.
        const z = fn(this.binding.stack(this.binding.currentPage), o.id);
        if (z) this.binding.objects.get(o.id)?.set('z', z);
      }
    });
  }

  bringForward(): void {
    this.restack(zForward, true);
  }
  sendBackward(): void {
    this.restack(zBackward, false);
  }
  bringToFront(): void {
    this.restack(zFront, false);
  }
  sendToBack(): void {
    this.restack(zBack, true);
  }

  /** Moves the selection by (dx, dy) design pixels. */
  nudge(dx: number, dy: number): void {
    const objs = this.changeable().filter((o) => !o.locked);
    if (!objs.length) return;
    this.transact(() => {
      for (const o of objs) {
        const m = this.binding.objects.get(o.id);
        m?.set('x', round2(o.x + dx));
        m?.set('y', round2(o.y + dy));
      }
    });
  }

  align(mode: AlignMode): void {
    const objs = this.changeable().filter((o) => !o.locked);
    if (!objs.length) return;
    const boxes = objs.map((o) => this.binding.aabbOf(o.id)!);
    const ref =
      objs.length === 1 ? { left: 0, top: 0, right: this.binding.meta.width, bottom: this.binding.meta.height } : unionAABB(boxes)!;
    this.moveBy(objs, alignOffsets(boxes, ref, mode));
  }

  distribute(axis: 'x' | 'y'): void {
    const objs = this.changeable().filter((o) => !o.locked);
    if (objs.length < 3) return;
    this.moveBy(
      objs,
      distributeOffsets(
        objs.map((o) => this.binding.aabbOf(o.id)!),
        axis,
      ),
    );
  }

  private moveBy(objs: DesignObject[], offsets: Array<{ dx: number; dy: number }>): void {
    this.transact(() => {
      objs.forEach((o, i) => {
        const { dx, dy } = offsets[i];
        const m = this.binding.objects.get(o.id);
        if (dx) m?.set('x', round2(o.x + dx));
        if (dy) m?.set('y', round2(o.y + dy));
      });
    });
  }

  /** Sets properties on objects (the properties and layers panels). */
  setProps(ids: string[], patch: Record<string, unknown>): void {
    const lockChange = 'locked' in patch;
    if (lockChange && !this.canLock) return;
    const objs = ids.map((id) => this.binding.model(id)).filter((o): o is DesignObject => !!o && this.binding.canChange(o));
    if (!objs.length) return;
    this.transact(() => {
      for (const o of objs) {
        const m = this.binding.objects.get(o.id);
        if (!m) continue;
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') {
            if (k === 'name' || k === 'stroke' || k === 'locked') m.delete(k);
          } else if (m.get(k) !== v) m.set(k, v);
        }
      }
    });
    const texts = objs.filter((o) => o.type === 'text').map((o) => o.id);
    if (texts.length && TEXT_LAYOUT_KEYS.some((k) => k in patch)) this.binding.syncTextHeights(texts);
    this.schedule({ selected: true });
  }

  setMeta(patch: Partial<DesignMeta>): void {
    if (!this.canEdit) return;
    this.transact(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) this.binding.metaMap.set(k, v);
    });
  }

  async addImageFile(file: File, at?: { x: number; y: number }): Promise<void> {
    if (!this.canEdit) return;
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) {
      this.opts.onError('Images must be PNG, JPEG or WebP.');
      return;
    }
    this.store.set({ busy: file.size > MAX_UPLOAD_BYTES ? 'Making the image smaller…' : 'Uploading image…' });
    try {
      // A new image may later fill the page: that is its largest placement.
      const upload = await fitForUpload(file, this.binding.meta);
      this.store.set({ busy: 'Uploading image…' });
      const asset = await this.opts.services.uploadImage(upload);
      const { width: W, height: H } = this.binding.meta;
      const scale = Math.min(1, (W * 0.5) / asset.width, (H * 0.5) / asset.height);
      const w = round2(asset.width * scale);
      const h = round2(asset.height * scale);
      const c = at ?? { x: W / 2, y: H / 2 };
      this.insert([
        {
          type: 'image',
          src: asset.url,
          naturalWidth: asset.width,
          naturalHeight: asset.height,
          fit: 'cover',
          x: round2(c.x - w / 2),
          y: round2(c.y - h / 2),
          width: w,
          height: h,
          angle: 0,
        },
      ]);
    } catch (err) {
      this.opts.onError(err instanceof Error ? err.message : 'Upload failed');
    } finally {
      this.store.set({ busy: null });
    }
  }

  /** Uploads a file and puts it into an existing image frame (keeps the frame's box). */
  async replaceImage(id: string, file: File): Promise<void> {
    const o = this.binding.model(id);
    if (!o || o.type !== 'image' || !this.binding.canChange(o)) return;
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) {
      this.opts.onError('Images must be PNG, JPEG or WebP.');
      return;
    }
    this.store.set({ busy: file.size > MAX_UPLOAD_BYTES ? 'Making the image smaller…' : 'Uploading image…' });
    try {
      const upload = await fitForUpload(file, o, o.fit === 'contain' ? 'contain' : 'cover');
      this.store.set({ busy: 'Uploading image…' });
      const asset = await this.opts.services.uploadImage(upload);
      this.setProps([id], {
        src: asset.url,
        naturalWidth: asset.width,
        naturalHeight: asset.height,
        fit: o.fit === 'contain' ? 'contain' : 'cover',
      });
    } catch (err) {
      this.opts.onError(err instanceof Error ? err.message : 'Upload failed');
    } finally {
      this.store.set({ busy: null });
    }
  }

  // ---------------------------------------------------------------- pages

  get pageCount(): number {
    return pageCount(this.binding.meta);
  }

  get currentPage(): number {
    return this.binding.currentPage;
  }

  /** Shows page `page` (0-based, clamped). */
  setPage(page: number): void {
    const next = clampPage(page, this.pageCount);
    if (next !== this.binding.currentPage) {
      this.tools.setTool('select');
      this.binding.setPage(next);
    }
    this.presence.setPage(next);
    this.store.set({ page: next, tool: 'select' });
    this.refreshLayers();
    this.refreshSelected();
  }

  nextPage(): void {
    this.setPage(this.binding.currentPage + 1);
  }
  prevPage(): void {
    this.setPage(this.binding.currentPage - 1);
  }

  /** Appends an empty page and shows it. */
  addPage(): void {
    if (!this.canEdit || this.pageCount >= 99) return;
    const pages = this.pageCount + 1;
    this.transact(() => this.binding.metaMap.set('pages', pages));
    this.undoManager.stopCapturing();
    this.setPage(pages - 1);
  }

  /** Number of objects on a page (the UI asks before deleting a page with content). */
  objectsOnPage(page: number): number {
    return this.binding.stack(page).length;
  }

  /**
   * Deletes a page: its objects go, later pages' objects move down one page,
   * meta.pages drops by one — one undoable transaction. Returns an error
   * message when it may not (last page, or locked elements for non-managers).
   */
  deletePage(page: number = this.binding.currentPage): string | null {
    const count = this.pageCount;
    if (!this.canEdit) return 'You can only view this design.';
    if (count <= 1) return 'A design needs at least one page.';
    if (page < 0 || page >= count) return null;
    const entries: Array<{ id: string; page?: unknown; locked?: boolean }> = [];
    this.binding.objects.forEach((m, id) => entries.push({ id, page: m.get('page'), locked: m.get('locked') === true }));
    const plan = planPageDeletion(entries, page, count);
    if (plan.locked.length && !this.canLock)
      return 'This page (or a later one) has elements locked by your brand manager; ask them to delete it.';
    this.canvas.discardActiveObject();
    this.undoManager.stopCapturing();
    this.transact(() => {
      for (const id of plan.remove) this.binding.objects.delete(id);
      for (const { id, page: p } of plan.shift) this.binding.objects.get(id)?.set('page', p);
      this.binding.metaMap.set('pages', plan.pages);
    });
    this.undoManager.stopCapturing();
    this.setPage(Math.min(page, plan.pages - 1));
    return null;
  }

  zoomFit(): void {
    this.userMovedViewport = false;
    this.viewport.fit();
  }
  zoom100(): void {
    this.userMovedViewport = true;
    this.viewport.actualSize();
  }
  zoomIn(): void {
    this.userMovedViewport = true;
    this.viewport.zoomBy(1.25);
  }
  zoomOut(): void {
    this.userMovedViewport = true;
    this.viewport.zoomBy(0.8);
  }

  /** The current page as PNG/JPG; returns the placeholders it left out. */
  async exportPng(title: string, format: 'png' | 'jpg' = 'png'): Promise<Placeholder[]> {
    // The canvas shows the current page; multi-page designs name the file after it.
    return exportPng(this.canvas, this.binding, this.pageCount > 1 ? `${title}-p${this.binding.currentPage + 1}` : title, format);
  }

  /** The print PDF; returns the placeholders it left out. */
  async exportPdf(
    title: string,
    metadata: { author?: string; brokerage?: string } = {},
    opts: { cmyk?: CmykSwatch[] } = {},
  ): Promise<Placeholder[]> {
    this.store.set({ busy: 'Preparing PDF…' });
    try {
      return await exportPdf(this.binding, title, metadata, opts);
    } finally {
      this.store.set({ busy: null });
    }
  }

  destroy(): void {
    for (const off of this.offs) off();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.undoManager.destroy();
    this.presence.dispose();
    this.guides.dispose();
    this.transformCache.dispose();
    this.tools.dispose();
    this.viewport.dispose();
    this.binding.dispose();
    void this.canvas.dispose();
    this.session.destroy();
    this.overlay.remove();
    const w = window as unknown as { __realbrand?: { editor?: unknown } };
    if (w.__realbrand?.editor === this) delete w.__realbrand;
  }
}
