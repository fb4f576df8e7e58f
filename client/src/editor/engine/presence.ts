/**
 * Presence: publishes my awareness state (PresenceState) and draws the
 * others' cursors and selections on a DOM overlay above the canvas (no
 * canvas re-render when someone moves a mouse).
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Canvas } from 'fabric';
import { parsePresenceState, type PresenceState } from '../../../../shared/protocol/index.js';
import { boxCorners, designToScreen, type Point } from './convert.js';
import type { CanvasBinding } from './binding.js';

export { userColor } from '../../../../shared/protocol/index.js';

export interface Peer {
  clientId: number;
  user: PresenceState['user'];
  cursor: Point | null;
  selection: string[];
  /** Page the peer is on (0-based). */
  page: number;
  self: boolean;
}

const CURSOR_INTERVAL_MS = 50;

export class PresenceLayer {
  private cursors = new Map<number, HTMLElement>();
  private svg: SVGSVGElement;
  private badge: HTMLElement;
  private hovered: string | null = null;
  private frame = 0;
  private lastCursorSent = 0;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingCursor: Point | null = null;
  private listeners = new Set<() => void>();
  private peerList: Peer[] = [];
  private offs: Array<() => void> = [];

  constructor(
    private host: HTMLElement,
    private awareness: Awareness,
    private binding: CanvasBinding,
    private canvas: Canvas,
    user: PresenceState['user'],
  ) {
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.svg.classList.add('overlay-svg');
    this.badge = document.createElement('div');
    this.badge.className = 'lock-badge';
    this.badge.setAttribute('data-testid', 'lock-badge');
    this.badge.innerHTML =
      '<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.6"/><rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor"/></svg><span>Locked</span>';
    this.badge.hidden = true;
    host.append(this.svg, this.badge);

    const state: PresenceState = { user, cursor: null, selection: [], page: binding.currentPage };
    awareness.setLocalState(state);

    const onChange = () => {
      this.updatePeers();
      this.schedule();
    };
    awareness.on('change', onChange);
    this.offs.push(() => awareness.off('change', onChange));

    const offMove = canvas.on('mouse:move', ({ e }) => this.setCursor(canvas.getScenePoint(e)));
    const offOut = canvas.on('mouse:out', ({ target }) => {
      if (!target) this.setCursor(null);
      if (target && binding.idOf(target) === this.hovered) {
        this.hovered = null;
        this.schedule();
      }
    });
    const offOver = canvas.on('mouse:over', ({ target }) => {
      const id = binding.idOf(target);
      const o = id ? binding.model(id) : null;
      this.hovered = o?.locked ? id! : null;
      this.schedule();
    });
    const leave = () => this.setCursor(null);
    canvas.upperCanvasEl.addEventListener('mouseleave', leave);
    this.offs.push(offMove, offOut, offOver, () => canvas.upperCanvasEl.removeEventListener('mouseleave', leave));
    this.updatePeers();
  }

  /** Everyone here, me first, one entry per client. */
  get peers(): Peer[] {
    return this.peerList;
  }

  onPeers(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private updatePeers(): void {
    const me = this.awareness.clientID;
    const list: Peer[] = [];
    this.awareness.getStates().forEach((raw, clientId) => {
      const state = parsePresenceState(raw);
      if (!state) return;
      list.push({
        clientId,
        user: state.user,
        cursor: state.cursor ?? null,
        selection: state.selection ?? [],
        page: state.page ?? 0,
        self: clientId === me,
      });
    });
    list.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.clientId - b.clientId));
    this.peerList = list;
    for (const fn of this.listeners) fn();
  }

  /** Publishes the page shown; others draw my cursor and selection only when on the same page. */
  setPage(page: number): void {
    if (this.awareness.getLocalState()?.page !== page) this.awareness.setLocalStateField('page', page);
    this.schedule();
  }

  setSelection(ids: string[]): void {
    this.awareness.setLocalStateField('selection', ids);
  }

  /** Throttled to ~20 Hz; the last position is always sent. */
  setCursor(p: Point | null): void {
    this.pendingCursor = p ? { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 } : null;
    const now = performance.now();
    if (p === null || now - this.lastCursorSent >= CURSOR_INTERVAL_MS) this.flushCursor();
    else if (!this.cursorTimer) this.cursorTimer = setTimeout(() => this.flushCursor(), CURSOR_INTERVAL_MS - (now - this.lastCursorSent));
  }

  private flushCursor(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.cursorTimer = null;
    this.lastCursorSent = performance.now();
    this.awareness.setLocalStateField('cursor', this.pendingCursor);
  }

  /** Redraw on the next frame (viewport or objects changed). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private screen(p: Point): Point {
    return designToScreen(p, this.canvas.viewportTransform);
  }

  private render(): void {
    const seen = new Set<number>();
    const polys: string[] = [];
    for (const peer of this.peerList) {
      // Peers on another page: no cursor, no selection outlines (their avatar says where they are).
      if (peer.self || peer.page !== this.binding.currentPage) continue;
      seen.add(peer.clientId);
      const color = peer.user.color;
      for (const id of peer.selection) {
        const o = this.binding.model(id);
        const fo = this.binding.fabricOf(id);
        if (!o || !fo) continue;
        const height = o.type === 'text' ? fo.height : o.height;
        const pts = boxCorners({ ...o, height }).map((p) => this.screen(p));
        polys.push(
          `<polygon data-testid="remote-selection" data-object-id="${escapeAttr(id)}" data-user-id="${escapeAttr(peer.user.id)}" points="${pts
            .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
            .join(' ')}" fill="none" stroke="${escapeAttr(color)}" stroke-width="2"/>`,
        );
      }
      let el = this.cursors.get(peer.clientId);
      if (!peer.cursor) {
        el?.remove();
        this.cursors.delete(peer.clientId);
        continue;
      }
      if (!el) {
        el = document.createElement('div');
        el.className = 'remote-cursor';
        el.setAttribute('data-testid', 'remote-cursor');
        el.innerHTML = `<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><path d="M2 1.5 15.5 8 9 9.5 6.5 16z" stroke="#fff" stroke-width="1.3" stroke-linejoin="round"/></svg><span class="remote-cursor-name"></span>`;
        this.host.append(el);
        this.cursors.set(peer.clientId, el);
      }
      el.style.setProperty('--peer', color);
      el.querySelector('.remote-cursor-name')!.textContent = peer.user.name;
      el.dataset.userId = peer.user.id;
      const s = this.screen(peer.cursor);
      el.style.transform = `translate(${s.x}px, ${s.y}px)`;
    }
    for (const [clientId, el] of this.cursors) {
      if (!seen.has(clientId)) {
        el.remove();
        this.cursors.delete(clientId);
      }
    }
    this.svg.innerHTML = polys.join('');
    this.renderBadge();
  }

  private renderBadge(): void {
    const selected = this.binding.selectedIds();
    const id = this.hovered ?? (selected.length === 1 && this.binding.model(selected[0])?.locked ? selected[0] : null);
    const o = id ? this.binding.model(id) : null;
    // (Set only on a change: this runs on every presence frame, e.g. each frame of a drag.)
    if (!o || !o.locked) {
      if (!this.badge.hidden) this.badge.hidden = true;
      return;
    }
    const meta = this.binding.meta;
    // A locked backdrop covering the page would badge everything: skip it.
    if (o.width * o.height > meta.width * meta.height * 0.8 && id === this.hovered) {
      if (!this.badge.hidden) this.badge.hidden = true;
      return;
    }
    const pts = boxCorners(o).map((p) => this.screen(p));
    const right = Math.max(...pts.map((p) => p.x));
    const top = Math.min(...pts.map((p) => p.y));
    this.badge.hidden = false;
    this.badge.style.transform = `translate(${right}px, ${top}px) translate(-100%, -115%)`;
  }

  dispose(): void {
    for (const off of this.offs) off();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    for (const el of this.cursors.values()) el.remove();
    this.svg.remove();
    this.badge.remove();
  }
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
