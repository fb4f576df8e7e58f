/**
 * A headless editor engine for tests, in the spirit of tldraw's TestEditor: a Y.Doc, a real fabric
 * Canvas on a jsdom <canvas> (node-canvas draws and measures text), and the real CanvasBinding
 * between them. `connect` joins two engines the way the collaboration server does (each update of
 * one doc applied to the other), so a test drives one engine and reads the other.
 *
 * Gestures go through fabric's own mouse handling (mousedown on the canvas element, mousemove and
 * mouseup on the document), so the binding sees the events a user's drag fires, in their order.
 * Needs the jsdom test environment (`// @vitest-environment jsdom`) and the `canvas` package.
 */
import * as Y from 'yjs';
import { Canvas, Textbox, type FabricObject } from 'fabric';
import {
  objectsMap,
  objectToYMap,
  readObject,
  writeDesign,
  type DesignMeta,
  type DesignObject,
} from '../../../../../shared/design/index.js';
import { CanvasBinding, COMMAND_ORIGIN, type BindingOptions } from '../binding.js';
import type { ModelFabricObject } from '../fabric-objects.js';

/** Origin of updates that arrive from the other engine (the network, in the app). */
const PEER = Symbol('peer');

export const TEST_META: DesignMeta = { title: 'Test', kind: 'flyer', width: 800, height: 600, background: '#ffffff' };

export class TestEngine {
  readonly doc = new Y.Doc();
  readonly el: HTMLCanvasElement;
  readonly canvas: Canvas;
  readonly binding: CanvasBinding;

  constructor(
    readonly name: string,
    opts: BindingOptions = { canEdit: true, canLock: false },
    seed?: Uint8Array,
  ) {
    if (!document.createElement('canvas').getContext('2d')) {
      throw new Error(
        'jsdom has no 2D canvas: the `canvas` package did not build (install the Debian libraries listed in .ci/run, then npm ci)',
      );
    }
    if (seed) Y.applyUpdate(this.doc, seed, PEER);
    this.el = document.createElement('canvas');
    document.body.append(this.el);
    // The design is drawn at zoom 1 from the canvas's top-left: scene and client coordinates match.
    this.canvas = new Canvas(this.el, { width: 800, height: 600, renderOnAddRemove: false, preserveObjectStacking: true });
    this.binding = new CanvasBinding(this.doc, this.canvas, opts);
    this.binding.start();
  }

  // ------------------------------------------------------------- the model, as the app's commands change it

  /** Adds objects in one command transaction (as Editor.insert does). */
  add(...objects: DesignObject[]): void {
    this.doc.transact(() => {
      for (const o of objects) objectsMap(this.doc).set(o.id, objectToYMap(o));
    }, COMMAND_ORIGIN);
  }

  /** Sets properties of one object (as the properties panel does through Editor.setProps). */
  set(id: string, patch: Record<string, unknown>): void {
    this.doc.transact(() => {
      const m = objectsMap(this.doc).get(id)!;
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) m.delete(k);
        else m.set(k, v);
      }
    }, COMMAND_ORIGIN);
  }

  remove(...ids: string[]): void {
    this.doc.transact(() => ids.forEach((id) => objectsMap(this.doc).delete(id)), COMMAND_ORIGIN);
  }

  /** The validated model object, read straight from this engine's document. */
  model(id: string): DesignObject | null {
    const m = objectsMap(this.doc).get(id);
    return m ? readObject(id, m) : null;
  }

  // ------------------------------------------------------------- what the canvas shows

  fabric(id: string): ModelFabricObject {
    const fo = this.binding.fabricOf(id);
    if (!fo) throw new Error(`${this.name}: no fabric object for ${id}`);
    return fo;
  }

  /** Ids of the objects on the canvas, bottom to top (the page rect left out). */
  shown(): string[] {
    return this.canvas
      .getObjects()
      .map((o) => this.binding.idOf(o))
      .filter((id): id is string => !!id);
  }

  /** The model box an object's fabric geometry stands for, as the binding would write it. */
  box(id: string): { x: number; y: number; width: number; height: number; angle: number } {
    const fo = this.fabric(id);
    const w = fo.width * fo.scaleX;
    const h = fo.height * fo.scaleY;
    const c = fo.getCenterPoint();
    return { x: round(c.x - w / 2), y: round(c.y - h / 2), width: round(w), height: round(h), angle: fo.angle };
  }

  // ------------------------------------------------------------- gestures through fabric's event handling

  private mouse(type: 'mousedown' | 'mousemove' | 'mouseup', x: number, y: number, target: EventTarget): void {
    target.dispatchEvent(
      new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }),
    );
  }

  pointerDown(x: number, y: number): void {
    this.mouse('mousedown', x, y, this.canvas.upperCanvasEl);
  }

  pointerMove(x: number, y: number): void {
    this.mouse('mousemove', x, y, document);
  }

  pointerUp(x: number, y: number): void {
    this.mouse('mouseup', x, y, document);
  }

  /** Presses at `from`, moves in `steps` to `to` and lets go, as a hand does. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 4): void {
    this.pointerDown(from.x, from.y);
    for (let i = 1; i <= steps; i++) this.pointerMove(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    this.pointerUp(to.x, to.y);
  }

  /** Where one of an object's resize handles is drawn ('br' is the bottom-right corner). */
  handle(id: string, corner: 'tl' | 'tr' | 'bl' | 'br' | 'mr' | 'mb'): { x: number; y: number } {
    const fo = this.fabric(id) as FabricObject;
    fo.setCoords();
    const p = fo.oCoords[corner];
    return { x: p.x, y: p.y };
  }

  // ------------------------------------------------------------- typing into a text box

  /** Enters editing as a double-click would (the binding marks the object as being edited). */
  startTyping(id: string): Textbox {
    const tb = this.fabric(id);
    if (!(tb instanceof Textbox)) throw new Error(`${id} is not a text box`);
    this.canvas.setActiveObject(tb);
    tb.enterEditing();
    return tb;
  }

  /** Replaces the text being edited through the hidden textarea, as the browser's input does. */
  type(tb: Textbox, text: string): void {
    const area = tb.hiddenTextarea!;
    area.value = text;
    area.selectionStart = area.selectionEnd = text.length;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  stopTyping(tb: Textbox): void {
    tb.exitEditing();
  }

  dispose(): void {
    this.binding.dispose();
    void this.canvas.dispose();
    this.el.remove();
    this.doc.destroy();
  }
}

/**
 * Joins two engines as the server does: each document's updates go to the other (not back again).
 * Returns a function that cuts the link (a network outage) and one that restores it with a resync.
 */
export function connect(a: TestEngine, b: TestEngine): { cut(): void; heal(): void } {
  let linked = true;
  const relay = (to: TestEngine) => (update: Uint8Array, origin: unknown) => {
    if (linked && origin !== PEER) Y.applyUpdate(to.doc, update, PEER);
  };
  const toB = relay(b);
  const toA = relay(a);
  a.doc.on('update', toB);
  b.doc.on('update', toA);
  // Bring both to the same state first (y-protocols' sync step 1 and 2).
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), PEER);
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), PEER);
  return {
    cut: () => (linked = false),
    heal: () => {
      linked = true;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), PEER);
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), PEER);
    },
  };
}

/** A design document's first state: its meta and objects (what the server stores when a design is made). */
export function seedDesign(objects: DesignObject[] = [], meta: DesignMeta = TEST_META): Uint8Array {
  const doc = new Y.Doc();
  writeDesign(doc, { meta, objects: Object.fromEntries(objects.map((o) => [o.id, o])) });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const round = (n: number) => Math.round(n * 100) / 100;
