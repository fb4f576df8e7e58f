/**
 * Two-way binding between the Yjs design document and a fabric canvas.
 *
 * - Model → canvas: `observeDeep` on the objects map touches only the objects
 *   named in the events. Changes this canvas made itself (origin
 *   CANVAS_ORIGIN) are skipped, so there is no echo loop.
 * - Canvas → model: drags stream geometry at ~30 Hz and always write the
 *   final state on `object:modified`. Remote changes to an object I am
 *   dragging or typing in wait until I let go.
 * - Stacking follows `z` (fractional index); the canvas order is re-sorted
 *   when a `z` changes or objects come and go.
 */
import * as Y from 'yjs';
import { ActiveSelection, Rect, Shadow, Textbox, util, type Canvas, type FabricImage, type FabricObject } from 'fabric';
import {
  metaMap,
  objectsMap,
  readMeta,
  readObject,
  updateObject,
  type DesignMeta,
  type DesignObject,
  type TextObject,
} from '../../../../shared/design/index.js';
import { fitModeOf, growTo } from '../../../../shared/render/index.js';
import { boxAABB, changedProps, containBox, geometryToModel, round2, textPlacement, type AABB, type FabricGeometry } from './convert.js';
import { applyModel, createFabricObject, type ModelFabricObject } from './fabric-objects.js';
import { sortStack } from './zorder.js';
import { watchDocumentKeys } from './text-keys.js';
import { isOnPage, pageOf } from './pages.js';

/** Origin of changes made by interacting with this canvas (fabric already shows them). */
export const CANVAS_ORIGIN = { source: 'canvas' } as const;
/** Origin of local programmatic changes (panels, keyboard); the observer applies them to fabric. */
export const COMMAND_ORIGIN = { source: 'command' } as const;

const STREAM_INTERVAL_MS = 33;
const STRUCTURAL_KEYS = new Set(['z', 'name', 'visible', 'locked', 'role', 'type', 'text', 'page']);
/** Keys a peer's drag streams: changes to only these on a few objects are drawn as a "remote move". */
const GEOMETRY_KEYS = new Set(['x', 'y', 'width', 'height', 'angle']);
/** A peer's drag is over after this long without a geometry update. */
const REMOTE_MOVE_IDLE_MS = 250;

export interface BindingOptions {
  canEdit: boolean;
  canLock: boolean;
}

export interface BindingListener {
  /** Local selection changed. */
  selection?(ids: string[]): void;
  /** Objects changed (from anywhere); `structural` when layers may need redrawing. */
  objects?(ids: Set<string>, structural: boolean): void;
  meta?(meta: DesignMeta): void;
  /** A local transform (drag, resize, rotate, text edit) finished. */
  committed?(): void;
  /** Called during a move with the moving target, so snapping can adjust it. */
  moving?(target: FabricObject, ids: string[]): void;
  transformEnd?(): void;
}

type Silent = Canvas & {
  _setActiveObject(o: FabricObject): boolean;
  _discardActiveObject(): boolean;
};

/**
 * Whether a text object's box height is the model's rather than its measured text height: 'shrink'
 * boxes (the font size steps down until the text fits the box, so the box must stay put).
 */
function keepsBoxHeight(raw: Record<string, unknown>): boolean {
  return (
    raw.type === 'text' &&
    typeof raw.height === 'number' &&
    fitModeOf({ fit: raw.fit as TextObject['fit'], binding: typeof raw.binding === 'string' ? raw.binding : undefined }) === 'shrink'
  );
}

export function decompose(fo: FabricObject): FabricGeometry {
  const d = util.qrDecompose(fo.calcTransformMatrix());
  return { cx: d.translateX, cy: d.translateY, angle: d.angle, scaleX: d.scaleX, scaleY: d.scaleY, width: fo.width, height: fo.height };
}

export class CanvasBinding {
  readonly objects: Y.Map<Y.Map<unknown>>;
  readonly metaMap: Y.Map<unknown>;
  readonly page: Rect;
  meta: DesignMeta;
  /** The design page shown (0-based): only its objects are on the fabric canvas. */
  currentPage = 0;
  /** Bumped whenever the model changes what fabric shows (remote edits, images, stacking, page); caches compare it. */
  sceneVersion = 0;
  /**
   * Objects a peer is moving right now (geometry-only remote updates in a row). While set,
   * their updates don't change `sceneVersion`, so the transform cache keeps the rest of the
   * scene as bitmaps and redraws only these objects.
   */
  remoteMoving: ReadonlySet<string> | null = null;
  private remoteMoveTimer: ReturnType<typeof setTimeout> | null = null;
  private sameScene = false;
  private byId = new Map<string, ModelFabricObject>();
  /** Parsed models (see model()); only while the objects observer is attached. */
  private models = new Map<string, DesignObject | null>();
  private observing = false;
  private ids = new WeakMap<FabricObject, string>();
  private interacting = new Set<string>();
  private deferred = new Set<string>();
  private listeners = new Set<BindingListener>();
  private lastStream = 0;
  private streamTimer: ReturnType<typeof setTimeout> | null = null;
  private streamTarget: FabricObject | null = null;
  private quietSelection = false;
  private disposers: Array<() => void> = [];

  constructor(
    readonly doc: Y.Doc,
    readonly canvas: Canvas,
    private opts: BindingOptions,
  ) {
    this.objects = objectsMap(doc);
    this.metaMap = metaMap(doc);
    this.meta = readMeta(doc);
    this.page = new Rect({
      originX: 'center',
      originY: 'center',
      selectable: false,
      evented: false,
      objectCaching: false,
      excludeFromExport: true,
      strokeWidth: 0,
      shadow: new Shadow({ color: 'rgba(15, 23, 42, 0.16)', blur: 30, offsetX: 0, offsetY: 6, nonScaling: true }),
    });
  }

  // ---------------------------------------------------------------- set-up

  start(): void {
    this.applyMeta();
    this.canvas.add(this.page);
    const created: FabricObject[] = [];
    this.objects.forEach((map, id) => {
      const o = map instanceof Y.Map ? readObject(id, map) : null;
      if (o) created.push(this.create(o));
    });
    if (created.length) this.canvas.add(...created);
    this.reorder();
    this.objects.observeDeep(this.onObjects);
    this.observing = true;
    this.metaMap.observe(this.onMeta);
    this.disposers.push(
      () => {
        this.objects.unobserveDeep(this.onObjects);
        this.observing = false;
        this.models.clear();
      },
      () => this.metaMap.unobserve(this.onMeta),
    );
    this.hookCanvas();
    this.canvas.requestRenderAll();
  }

  dispose(): void {
    for (const d of this.disposers) d();
    this.disposers = [];
    if (this.streamTimer) clearTimeout(this.streamTimer);
    if (this.remoteMoveTimer) clearTimeout(this.remoteMoveTimer);
  }

  on(listener: BindingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<K extends keyof BindingListener>(key: K, ...args: Parameters<NonNullable<BindingListener[K]>>): void {
    for (const l of this.listeners) (l[key] as ((...a: unknown[]) => void) | undefined)?.(...args);
  }

  setOptions(opts: BindingOptions): void {
    this.opts = opts;
    for (const [id] of this.byId) this.syncOne(id);
    this.canvas.requestRenderAll();
  }

  get options(): BindingOptions {
    return this.opts;
  }

  // ---------------------------------------------------------------- lookups

  idOf(fo: FabricObject | undefined | null): string | undefined {
    return fo ? this.ids.get(fo) : undefined;
  }

  fabricOf(id: string): ModelFabricObject | undefined {
    return this.byId.get(id);
  }

  /**
   * The object's model, validated. Parsed models are kept (frozen) until the object changes, as the
   * panels, finding markers and guides read the same objects many times a frame; the objects
   * observer drops changed ones. Reads inside a transaction bypass the cache: the observer only
   * runs when the transaction ends.
   */
  model(id: string): DesignObject | null {
    const map = this.objects.get(id);
    if (!(map instanceof Y.Map)) return null;
    const cacheable = this.observing && !this.objects.doc?._transaction;
    if (cacheable) {
      const hit = this.models.get(id);
      if (hit !== undefined) return hit;
    }
    const o = readObject(id, map);
    if (cacheable) this.models.set(id, o && (Object.freeze(o) as DesignObject));
    return o;
  }

  /** All valid model objects, lowest first. */
  allModels(): DesignObject[] {
    const out: DesignObject[] = [];
    this.objects.forEach((_map, id) => {
      const o = this.model(id);
      if (o) out.push(o);
    });
    return sortStack(out);
  }

  /** Valid model objects of one page (default: the page shown), lowest first. */
  pageModels(page = this.currentPage): DesignObject[] {
    return this.allModels().filter((o) => isOnPage(o, page));
  }

  /** Stack entries (id, z) without validating every object; only one page's when `page` is given. */
  stack(page?: number): Array<{ id: string; z: string }> {
    const out: Array<{ id: string; z: string }> = [];
    this.objects.forEach((map, id) => {
      if (map instanceof Y.Map && (page === undefined || isOnPage({ page: map.get('page') }, page)))
        out.push({ id, z: String(map.get('z') ?? '') });
    });
    return out;
  }

  /** Whether an object is on the page shown. */
  isShown(id: string): boolean {
    const map = this.objects.get(id);
    return map instanceof Y.Map && isOnPage({ page: map.get('page') }, this.currentPage);
  }

  /** Shows another page: only its objects are on the canvas (others stay bound, off-canvas). */
  setPage(page: number): void {
    if (page === this.currentPage) return;
    const c = this.canvas;
    const active = c.getActiveObject();
    if (active instanceof Textbox && active.isEditing) active.exitEditing();
    c.discardActiveObject();
    this.currentPage = page;
    this.reorder();
    // Text on a page not shown missed font re-measuring: measure it now.
    for (const fo of c.getObjects()) {
      if (fo instanceof Textbox) fo.initDimensions();
      fo.dirty = true;
    }
    c.requestRenderAll();
    this.emit('selection', this.selectedIds());
  }

  selectedIds(): string[] {
    return this.canvas
      .getActiveObjects()
      .map((o) => this.ids.get(o))
      .filter((id): id is string => !!id);
  }

  /** Whether the local user may change this object. */
  canChange(o: Pick<DesignObject, 'locked'>): boolean {
    return this.opts.canEdit && (!o.locked || this.opts.canLock);
  }

  isEditingText(): boolean {
    const a = this.canvas.getActiveObject();
    return a instanceof Textbox && a.isEditing;
  }

  /** Axis-aligned bounds of an object in design coordinates, from the model. */
  aabbOf(id: string): AABB | null {
    const o = this.model(id);
    if (!o) return null;
    const fo = this.byId.get(id);
    // Text boxes render at their measured height.
    const height = o.type === 'text' && fo ? fo.height * (fo.scaleY || 1) : o.height;
    return boxAABB({ ...o, height });
  }

  // ---------------------------------------------------------------- selection

  select(ids: string[]): void {
    const objs = ids
      .map((id) => this.byId.get(id))
      .filter((o): o is ModelFabricObject => !!o && o.selectable && o.visible !== false && this.isShown(this.ids.get(o)!));
    const c = this.canvas;
    if (c.getActiveObject() instanceof Textbox && (c.getActiveObject() as Textbox).isEditing)
      (c.getActiveObject() as Textbox).exitEditing();
    if (objs.length === 0) c.discardActiveObject();
    else if (objs.length === 1) c.setActiveObject(objs[0]);
    else c.setActiveObject(new ActiveSelection(objs, { canvas: c }));
    c.requestRenderAll();
    this.emit('selection', this.selectedIds());
  }

  /** Re-creates the current selection without telling anyone (after objects inside it changed). */
  private withSelectionReleased(fn: () => void): void {
    const c = this.canvas as Silent;
    const active = c.getActiveObject();
    if (!(active instanceof ActiveSelection)) {
      fn();
      return;
    }
    const objs = active.getObjects();
    this.quietSelection = true;
    try {
      c._discardActiveObject();
      fn();
      const alive = objs.filter((o) => {
        const id = this.ids.get(o);
        return id && this.byId.get(id) === o && o.selectable && o.visible !== false && this.isShown(id);
      });
      if (alive.length > 1) c._setActiveObject(new ActiveSelection(alive, { canvas: c }));
      else if (alive.length === 1) c._setActiveObject(alive[0]);
    } finally {
      this.quietSelection = false;
    }
    this.emit('selection', this.selectedIds());
  }

  // ---------------------------------------------------------------- model → canvas

  /**
   * Whether text is drawn through per-object cache canvases. Off until the design's first frame is
   * drawn (see `cacheTextSoon`): creating a hundred cache canvases would double that frame's cost.
   */
  private cacheText = false;

  /** After the first frame: cache text again, building the caches when the browser is idle. */
  cacheTextSoon(): void {
    if (this.cacheText) return;
    const run = () => {
      if (this.cacheText) return;
      this.cacheText = true;
      for (const fo of this.byId.values()) if (fo.rbType === 'text') fo.objectCaching = true;
      this.canvas.requestRenderAll();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 200);
  }

  private create(o: DesignObject): ModelFabricObject {
    const fo = createFabricObject(o, () => this.onImageLoaded(o.id), this.cacheText);
    this.byId.set(o.id, fo);
    this.ids.set(fo, o.id);
    this.applyInteractivity(fo, o);
    return fo;
  }

  private onImageLoaded(id: string): void {
    this.sceneVersion++;
    if (this.interacting.has(id)) this.deferred.add(id);
    else this.applyIds(new Set([id]));
    this.canvas.requestRenderAll();
  }

  private applyInteractivity(fo: ModelFabricObject, o: DesignObject): void {
    const may = this.canChange(o);
    const frozen = !!o.locked;
    fo.set({
      selectable: may,
      evented: this.opts.canEdit,
      hoverCursor: may ? (frozen ? 'default' : 'move') : 'default',
      lockMovementX: frozen,
      lockMovementY: frozen,
      lockRotation: frozen,
      lockScalingX: frozen,
      lockScalingY: frozen,
      lockScalingFlip: true,
      hasControls: !frozen,
      borderDashArray: frozen ? [5, 4] : null,
    });
    if (fo instanceof Textbox) fo.editable = may && !frozen;
  }

  private onObjects = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, txn: Y.Transaction): void => {
    const touched = new Set<string>();
    let structural = false;
    for (const ev of events) {
      if (ev.target === this.objects) {
        for (const key of ev.changes.keys.keys()) touched.add(key);
        structural = true;
      } else {
        const id = ev.path[0];
        if (typeof id !== 'string') continue;
        touched.add(id);
        if (!structural) for (const key of ev.changes.keys.keys()) if (STRUCTURAL_KEYS.has(key)) structural = true;
      }
    }
    for (const id of touched) this.models.delete(id);
    if (txn.origin !== CANVAS_ORIGIN) {
      const remoteMove =
        !structural &&
        this.interacting.size === 0 &&
        touched.size > 0 &&
        touched.size <= 8 &&
        events.every((ev) => ev.target !== this.objects && [...ev.changes.keys.keys()].every((k) => GEOMETRY_KEYS.has(k)));
      if (remoteMove) this.markRemoteMove(touched);
      else if (this.remoteMoving) this.endRemoteMove();
      this.sameScene = remoteMove;
      try {
        this.applyIds(touched);
      } finally {
        this.sameScene = false;
      }
      if (structural) this.reorder();
      this.canvas.requestRenderAll();
    }
    this.emit('objects', touched, structural);
  };

  private markRemoteMove(ids: Set<string>): void {
    const same = this.remoteMoving && ids.size === this.remoteMoving.size && [...ids].every((id) => this.remoteMoving!.has(id));
    // A different set of objects starts moving straight after another: the cached scene must include where
    // the previous ones ended. (A move that ended bumped the version already; the moving objects are never cached.)
    if (this.remoteMoving && !same) this.sceneVersion++;
    this.remoteMoving = ids;
    if (this.remoteMoveTimer) clearTimeout(this.remoteMoveTimer);
    this.remoteMoveTimer = setTimeout(() => this.endRemoteMove(), REMOTE_MOVE_IDLE_MS);
  }

  private endRemoteMove(): void {
    if (this.remoteMoveTimer) clearTimeout(this.remoteMoveTimer);
    this.remoteMoveTimer = null;
    if (!this.remoteMoving) return;
    this.remoteMoving = null;
    this.sceneVersion++;
    this.canvas.requestRenderAll();
  }

  private applyIds(ids: Set<string>): void {
    const now = [...ids].filter((id) => {
      if (this.interacting.has(id)) {
        this.deferred.add(id);
        return false;
      }
      return true;
    });
    if (now.length === 0) return;
    const active = this.canvas.getActiveObject();
    const inSelection =
      active instanceof ActiveSelection && now.some((id) => active.getObjects().includes(this.byId.get(id) as FabricObject));
    if (inSelection) this.withSelectionReleased(() => now.forEach((id) => this.syncOne(id)));
    else now.forEach((id) => this.syncOne(id));
  }

  private syncOne(id: string): void {
    if (!this.sameScene) this.sceneVersion++;
    const map = this.objects.get(id);
    const fo = this.byId.get(id);
    const o = map instanceof Y.Map ? readObject(id, map) : null;
    if (!map) {
      if (fo) this.removeFabric(id, fo);
      return;
    }
    if (!o) return; // invalid properties: keep what we show
    if (fo && fo.rbType === o.type) {
      applyModel(fo, o, () => this.onImageLoaded(id));
      this.applyInteractivity(fo, o);
      // Not selectable any more, or moved to another page (reorder() takes it off the canvas).
      if ((!fo.selectable || pageOf(o) !== this.currentPage) && this.canvas.getActiveObjects().includes(fo)) this.deselect(fo);
      return;
    }
    if (fo) this.removeFabric(id, fo);
    this.canvas.add(this.create(o));
  }

  private deselect(fo: FabricObject): void {
    const c = this.canvas;
    const active = c.getActiveObject();
    if (active === fo) c.discardActiveObject();
    else if (active instanceof ActiveSelection) active.remove(fo);
    this.emit('selection', this.selectedIds());
  }

  private removeFabric(id: string, fo: FabricObject): void {
    if (this.canvas.getActiveObjects().includes(fo)) this.deselect(fo);
    this.canvas.remove(fo);
    this.byId.delete(id);
  }

  /** Puts the shown page's objects on the canvas in `z` order (page rect first); other pages' objects stay off it. */
  reorder(): void {
    const order = sortStack(this.stack(this.currentPage))
      .map((s) => this.byId.get(s.id))
      .filter((o): o is ModelFabricObject => !!o);
    const list: FabricObject[] = [this.page, ...order];
    const current = this.canvas._objects;
    if (current.length === list.length && current.every((o, i) => o === list[i])) return;
    this.sceneVersion++;
    current.length = 0;
    current.push(...list);
    this.canvas.requestRenderAll();
  }

  private onMeta = (_e: Y.YMapEvent<unknown>, _txn: Y.Transaction): void => {
    this.applyMeta();
    this.canvas.requestRenderAll();
    this.emit('meta', this.meta);
  };

  private applyMeta(): void {
    this.sceneVersion++;
    this.meta = readMeta(this.doc);
    const { width, height, background } = this.meta;
    this.page.set({ left: width / 2, top: height / 2, width, height, fill: background });
    this.page.setCoords();
  }

  // ---------------------------------------------------------------- canvas → model

  /** Model objects behind a fabric target (one object or each in a multi-selection). */
  targetsOf(target: FabricObject | undefined): ModelFabricObject[] {
    if (!target) return [];
    if (target instanceof ActiveSelection) return target.getObjects().filter((o) => this.ids.has(o)) as ModelFabricObject[];
    return this.ids.has(target) ? [target as ModelFabricObject] : [];
  }

  private hookCanvas(): void {
    const c = this.canvas;
    const offs = [
      c.on('selection:created', () => !this.quietSelection && this.emit('selection', this.selectedIds())),
      c.on('selection:updated', () => !this.quietSelection && this.emit('selection', this.selectedIds())),
      c.on('selection:cleared', () => !this.quietSelection && this.emit('selection', this.selectedIds())),
    ];
    if (this.opts.canEdit) {
      // A press on an element this user may not select (locked by the brand manager) starts no
      // selection rectangle: dragging from the logo must not select the photo under the drag.
      let marqueeHeld = false;
      offs.push(
        c.on('mouse:down:before', ({ target }) => {
          if (target && !target.selectable && c.selection) {
            marqueeHeld = true;
            c.selection = false;
          }
        }),
        c.on('mouse:up', () => {
          if (!marqueeHeld) return;
          marqueeHeld = false;
          c.selection = true;
        }),
        c.on('text:editing:entered', ({ target }) => watchDocumentKeys(target as Textbox)),
        c.on('before:transform', ({ transform }) => {
          for (const fo of this.targetsOf(transform.target)) this.interacting.add(this.ids.get(fo)!);
        }),
        c.on('object:moving', ({ target }) => {
          this.emit(
            'moving',
            target,
            this.targetsOf(target).map((o) => this.ids.get(o)!),
          );
          this.stream(target);
        }),
        c.on('object:scaling', ({ target }) => this.stream(target)),
        c.on('object:rotating', ({ target }) => this.stream(target)),
        c.on('object:resizing', ({ target }) => this.stream(target)),
        c.on('object:modified', ({ target }) => this.finishTransform(target)),
        c.on('mouse:up', () => {
          if (!this.isEditingText() && this.interacting.size) this.endInteraction();
          this.emit('transformEnd');
        }),
        c.on('text:editing:entered', ({ target }) => {
          const id = this.ids.get(target);
          if (id) this.interacting.add(id);
        }),
        c.on('text:changed', ({ target }) => this.writeText(target)),
        c.on('text:editing:exited', ({ target }) => {
          this.writeText(target);
          const id = this.ids.get(target);
          if (id && !(target as Textbox).text.trim()) {
            // An emptied text box is removed, like in every design tool.
            this.doc.transact(() => this.objects.delete(id), COMMAND_ORIGIN);
          }
          this.endInteraction();
        }),
      );
    }
    this.disposers.push(() => offs.forEach((off) => off()));
  }

  private stream(target: FabricObject): void {
    this.streamTarget = target;
    const now = performance.now();
    const wait = STREAM_INTERVAL_MS - (now - this.lastStream);
    if (wait <= 0) {
      this.flushStream();
    } else if (!this.streamTimer) {
      this.streamTimer = setTimeout(() => this.flushStream(), wait);
    }
  }

  private flushStream(): void {
    if (this.streamTimer) clearTimeout(this.streamTimer);
    this.streamTimer = null;
    const t = this.streamTarget;
    this.streamTarget = null;
    this.lastStream = performance.now();
    if (t && this.canvas.getActiveObject() === t) this.writeGeometry(t);
  }

  /** Writes the current geometry of a target (one object or a multi-selection) into the model. */
  writeGeometry(target: FabricObject): void {
    const objs = this.targetsOf(target);
    if (objs.length === 0) return;
    this.doc.transact(() => {
      for (const fo of objs) {
        const id = this.ids.get(fo)!;
        const map = this.objects.get(id);
        if (!map) continue;
        const raw = map.toJSON() as Record<string, unknown>;
        const type = fo.rbType!;
        const g = decompose(fo);
        const patch: Record<string, unknown> = geometryToModel(type, g, {
          fontSize: typeof raw.fontSize === 'number' ? raw.fontSize : undefined,
        });
        if (type === 'image' && raw.fit === 'contain' && typeof raw.width === 'number' && typeof raw.height === 'number') {
          // The visible image is smaller than the box: scale the box by the same factor.
          const el = (fo as FabricImage).getElement() as HTMLImageElement;
          const nw = el.naturalWidth || fo.width;
          const nh = el.naturalHeight || fo.height;
          const s0 = Math.min(raw.width / nw, raw.height / nh);
          const box = containBox({ width: raw.width, height: raw.height }, s0, g.scaleX, g.scaleY);
          Object.assign(patch, box, { x: round2(g.cx - box.width / 2), y: round2(g.cy - box.height / 2) });
        }
        if (type === 'text' && keepsBoxHeight(raw)) patch.height = raw.height;
        if (type === 'line') {
          const h = typeof raw.height === 'number' ? raw.height : 0;
          patch.height = h;
          patch.y = round2(g.cy - h / 2);
        }
        updateObject(this.doc, id, changedProps(raw, patch), CANVAS_ORIGIN);
      }
    }, CANVAS_ORIGIN);
  }

  private finishTransform(target: FabricObject): void {
    if (this.streamTimer) clearTimeout(this.streamTimer);
    this.streamTimer = null;
    this.streamTarget = null;
    this.writeGeometry(target);
    // Bake scale into the objects' sizes now that the gesture is over.
    const ids = this.targetsOf(target).map((o) => this.ids.get(o)!);
    this.endInteraction(ids);
    this.emit('committed');
  }

  private endInteraction(resync: string[] = []): void {
    const ids = new Set([...resync, ...this.deferred]);
    this.interacting.clear();
    this.deferred.clear();
    if (ids.size) {
      this.applyIds(ids);
      this.reorder();
      this.canvas.requestRenderAll();
    }
  }

  /**
   * The brand font files arrived in the shared font book: lay every text object out again, now
   * measured from them (the same line breaks as the PDF and SVG back-ends), and redraw.
   */
  relayoutText(): void {
    for (const [id, fo] of this.byId) {
      if (!(fo instanceof Textbox)) continue;
      fo.initDimensions();
      const o = this.interacting.has(id) ? null : this.model(id);
      if (o) applyModel(fo, o, () => this.onImageLoaded(id));
      fo.dirty = true;
    }
    this.sceneVersion++;
    this.canvas.requestRenderAll();
  }

  private writeText(target: FabricObject): void {
    const id = this.ids.get(target);
    if (!id || !(target instanceof Textbox)) return;
    const map = this.objects.get(id);
    if (!map) return;
    const raw = map.toJSON() as Record<string, unknown>;
    // Keep the top-left where the model has it: the box grows downwards as lines are added.
    if (typeof raw.x === 'number' && typeof raw.y === 'number' && !target.group) {
      target.set(
        textPlacement({ x: raw.x, y: raw.y, width: target.width * (target.scaleX || 1), height: 0 }, target.height * (target.scaleY || 1)),
      );
      target.setCoords();
    }
    const height = round2(target.height * Math.abs(target.scaleY || 1));
    // A 'shrink' box keeps its height: the font size steps down to fit it (see keepsBoxHeight).
    const patch = changedProps(raw, keepsBoxHeight(raw) ? { text: target.text } : { text: target.text, height });
    const moves = 'height' in patch ? this.growMoves(id, height) : null;
    if (Object.keys(patch).length) updateObject(this.doc, id, patch, CANVAS_ORIGIN);
    // Typed over the sample content: no longer drawn as a placeholder (own changes are not redrawn from the model).
    if (target.underline && raw.sampleText !== target.text)
      target.set({ underline: false, opacity: typeof raw.opacity === 'number' ? raw.opacity : 1 });
    this.applyMoves(moves);
  }

  /**
   * A 'grow' box about to become `height` tall: what sits below it moves down by the growth (as
   * the scene walk draws it, shared/render/fit.ts), unless something locked or the page's end is
   * in the way. Computed before the height is written; null when nothing moves.
   */
  private growMoves(id: string, height: number): Record<string, number> | null {
    const o = this.model(id);
    if (!o || o.type !== 'text' || fitModeOf(o) !== 'grow' || height <= o.height + 0.5) return null;
    const plan = growTo({ meta: this.meta, objects: Object.fromEntries(this.allModels().map((m) => [m.id, m])) }, o, height);
    return plan && Object.keys(plan.moves).length ? plan.moves : null;
  }

  /** Moves objects (as a command, so their fabric objects follow). */
  private applyMoves(moves: Record<string, number> | null): void {
    if (!moves) return;
    this.doc.transact(() => {
      for (const [id, y] of Object.entries(moves)) updateObject(this.doc, id, { y: round2(y) }, COMMAND_ORIGIN);
    }, COMMAND_ORIGIN);
  }

  /**
   * Text boxes measure their own height: after a programmatic change to a
   * text object (font, size, width, text) write the measured height back.
   */
  syncTextHeights(ids: string[]): void {
    const heights = new Map<string, number>();
    for (const id of ids) {
      const fo = this.byId.get(id);
      const map = this.objects.get(id);
      if (!(fo instanceof Textbox) || !map || keepsBoxHeight(map.toJSON() as Record<string, unknown>)) continue;
      const h = round2(fo.height);
      if (typeof map.get('height') !== 'number' || Math.abs((map.get('height') as number) - h) > 0.01) heights.set(id, h);
    }
    // 'grow' boxes push what is below them down (planned on the heights before this change).
    const moves = [...heights].map(([id, h]) => this.growMoves(id, h));
    this.doc.transact(() => {
      for (const [id, h] of heights) this.objects.get(id)?.set('height', h);
    }, CANVAS_ORIGIN);
    for (const m of moves) this.applyMoves(m);
  }
}
