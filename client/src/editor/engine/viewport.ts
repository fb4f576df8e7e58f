/**
 * Zoom (fit, 100 %, wheel, trackpad and touch pinch) and pan (space+drag, middle button, wheel,
 * two fingers) for the canvas.
 */
import type { Canvas, TMat2D } from 'fabric';
import { clampZoom, fitViewport, zoomAt, type Point } from './convert.js';
import { pinchViewport, type PinchStart } from './pinch.js';

/** The parts of fabric's gesture state a pinch has to end (not in its public API). */
interface CanvasGestureState {
  _currentTransform: unknown;
  _groupSelector: unknown;
  _finalizeCurrentTransform(e: Event): void;
}

export class Viewport {
  private spaceDown = false;
  private panning: { x: number; y: number; pointerId: number } | null = null;
  /** Touch points on the canvas (host pixels) by pointer id. */
  private touches = new Map<number, Point>();
  private pinch: (PinchStart & { ids: [number, number] }) | null = null;
  /** A pinch happened and fingers are still down: fabric must not see them move. */
  private pinchHeld = false;
  private listeners = new Set<() => void>();
  private gestureListeners = new Set<() => void>();
  private offs: Array<() => void> = [];

  constructor(
    private canvas: Canvas,
    private host: HTMLElement,
    private page: () => { width: number; height: number },
    private isTyping: () => boolean,
  ) {
    const wheel = (e: WheelEvent) => this.onWheel(e);
    const down = (e: PointerEvent) => this.onPointerDown(e);
    const move = (e: PointerEvent) => this.onPointerMove(e);
    const up = (e: PointerEvent) => this.onPointerUp(e);
    // fabric follows touches through touch events on the document: hold them back during a pinch.
    const touchmove = (e: TouchEvent) => {
      if (this.pinchHeld) {
        e.stopPropagation();
        e.preventDefault();
      }
    };
    const keydown = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !this.isTyping() && !isFormField(e.target)) {
        e.preventDefault();
        if (!this.spaceDown) {
          this.spaceDown = true;
          this.host.classList.add('is-grab');
        }
      }
    };
    const keyup = (e: KeyboardEvent) => {
      if (e.code === 'Space') {
        this.spaceDown = false;
        this.host.classList.remove('is-grab');
      }
    };
    const blur = () => {
      this.spaceDown = false;
      this.host.classList.remove('is-grab');
    };
    host.addEventListener('wheel', wheel, { passive: false });
    host.addEventListener('pointerdown', down, { capture: true });
    window.addEventListener('pointermove', move, { capture: true });
    window.addEventListener('pointerup', up, { capture: true });
    window.addEventListener('pointercancel', up, { capture: true });
    window.addEventListener('touchmove', touchmove, { capture: true, passive: false });
    window.addEventListener('keydown', keydown);
    window.addEventListener('keyup', keyup);
    window.addEventListener('blur', blur);
    // fabric listens to mouse events: keep pans (and middle-click autoscroll) away from it.
    const aux = (e: MouseEvent) => {
      if (e.button === 1 || (e.button === 0 && this.spaceDown)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    host.addEventListener('mousedown', aux, { capture: true });
    this.offs.push(
      () => host.removeEventListener('wheel', wheel),
      () => host.removeEventListener('pointerdown', down, { capture: true }),
      () => window.removeEventListener('pointermove', move, { capture: true }),
      () => window.removeEventListener('pointerup', up, { capture: true }),
      () => window.removeEventListener('pointercancel', up, { capture: true }),
      () => window.removeEventListener('touchmove', touchmove, { capture: true }),
      () => window.removeEventListener('keydown', keydown),
      () => window.removeEventListener('keyup', keyup),
      () => window.removeEventListener('blur', blur),
      () => host.removeEventListener('mousedown', aux, { capture: true }),
    );
  }

  get zoom(): number {
    return this.canvas.viewportTransform[0];
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called when the user zooms or pans with a gesture (not through a command). */
  onGesture(fn: () => void): () => void {
    this.gestureListeners.add(fn);
    return () => this.gestureListeners.delete(fn);
  }

  private set(vpt: TMat2D): void {
    this.canvas.setViewportTransform(vpt);
    this.canvas.requestRenderAll();
    for (const fn of this.listeners) fn();
  }

  fit(): void {
    const { width, height } = this.page();
    const f = fitViewport(width, height, this.canvas.width, this.canvas.height);
    this.set([f.zoom, 0, 0, f.zoom, f.x, f.y]);
  }

  /** Zoom about the viewport centre. */
  zoomTo(zoom: number): void {
    const z = clampZoom(zoom);
    this.set(zoomAt(this.canvas.viewportTransform, { x: this.canvas.width / 2, y: this.canvas.height / 2 }, z));
  }

  /** 100 %: actual size, page centred. */
  actualSize(): void {
    const { width, height } = this.page();
    this.set([1, 0, 0, 1, (this.canvas.width - width) / 2, (this.canvas.height - height) / 2]);
  }

  zoomBy(factor: number): void {
    this.zoomTo(this.zoom * factor);
  }

  panBy(dx: number, dy: number): void {
    const v = this.canvas.viewportTransform;
    this.set([v[0], v[1], v[2], v[3], v[4] + dx, v[5] + dy]);
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const r = this.host.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel; mouse wheels with ctrl zoom too.
      const factor = Math.pow(0.99, e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY);
      this.set(zoomAt(this.canvas.viewportTransform, this.local(e), clampZoom(this.zoom * factor)));
    } else {
      const k = e.deltaMode === 1 ? 16 : 1;
      this.panBy(-(e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) * k, -(e.shiftKey && !e.deltaX ? 0 : e.deltaY) * k);
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, this.local(e));
      if (this.touches.size === 2 && !this.pinch) this.startPinch(e);
      return;
    }
    if (e.button === 1 || (e.button === 0 && this.spaceDown)) {
      e.preventDefault();
      e.stopPropagation();
      this.panning = { x: e.clientX, y: e.clientY, pointerId: e.pointerId };
      this.host.classList.add('is-panning');
    }
  }

  private startPinch(e: PointerEvent): void {
    const [[idA, a], [idB, b]] = [...this.touches];
    // The first finger may have started a drag or a selection box in fabric: end it where it is,
    // so lifting the fingers later neither drops the object elsewhere nor selects a rectangle.
    const c = this.canvas as unknown as CanvasGestureState;
    if (c._currentTransform) c._finalizeCurrentTransform(e);
    c._currentTransform = null;
    c._groupSelector = null;
    this.canvas.clearContext(this.canvas.contextTop);
    this.pinch = { vpt: [...this.canvas.viewportTransform], a: a!, b: b!, ids: [idA!, idB!] };
    this.pinchHeld = true;
    for (const fn of this.gestureListeners) fn();
  }

  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch' && this.touches.has(e.pointerId)) {
      this.touches.set(e.pointerId, this.local(e));
      const p = this.pinch;
      if (!p) return;
      e.stopPropagation();
      const a = this.touches.get(p.ids[0]);
      const b = this.touches.get(p.ids[1]);
      if (a && b) this.set(pinchViewport(p, a, b));
      return;
    }
    if (!this.panning || e.pointerId !== this.panning.pointerId) return;
    e.stopPropagation();
    const dx = e.clientX - this.panning.x;
    const dy = e.clientY - this.panning.y;
    this.panning.x = e.clientX;
    this.panning.y = e.clientY;
    this.panBy(dx, dy);
  }

  private onPointerUp(e: PointerEvent): void {
    if (e.pointerType === 'touch' && this.touches.delete(e.pointerId)) {
      if (this.pinch?.ids.includes(e.pointerId)) this.pinch = null;
      if (this.touches.size === 0) this.pinchHeld = false;
      return;
    }
    if (!this.panning || e.pointerId !== this.panning.pointerId) return;
    e.stopPropagation();
    this.panning = null;
    this.host.classList.remove('is-panning');
  }

  dispose(): void {
    for (const off of this.offs) off();
  }
}

export function isFormField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
}
