/**
 * Live brand and compliance scores for one open design: joins the design's
 * socket.io room, keeps the latest pushed score (GET /score as a fallback),
 * draws issue markers over the canvas, focuses findings and applies one-click
 * fixes through the design document. Plain TypeScript; React reads `store`.
 */
import type { Finding, Fix } from '../../../../shared/compliance/types.js';
import { COMMAND_ORIGIN } from '../../editor/engine/binding.js';
import type { Editor } from '../../editor/engine/editor.js';
import { Store } from '../../editor/engine/store.js';
import { acquireSocket, releaseSocket, type AppSocket } from '../../realtime.js';
import { insightsApi, type DesignScore } from './api.js';
import { applyFix, type ApplyFixResult } from './apply-fix.js';
import { findingKey } from './format.js';

export type InsightsTab = 'checks' | 'assist';

export interface ScoringState {
  score: DesignScore | null;
  /** 'live' once the room is joined and pushes arrive. */
  status: 'loading' | 'live' | 'offline' | 'error';
  /** Findings drawer open. */
  open: boolean;
  tab: InsightsTab;
  /** Key of the finding last clicked (its objects pulse on the canvas). */
  focused: string | null;
  /** Objects to pulse (a finding's or an AI suggestion's). */
  focusedIds: string[];
  /** Draw issue outlines on the canvas. */
  markers: boolean;
}

const initial: ScoringState = { score: null, status: 'loading', open: false, tab: 'checks', focused: null, focusedIds: [], markers: true };

export class ScoringController {
  readonly store = new Store<ScoringState>(initial);
  private socket: AppSocket;
  private layer: HTMLDivElement;
  private offs: Array<() => void> = [];
  private focusTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(readonly editor: Editor) {
    const designId = editor.opts.designId;
    this.layer = document.createElement('div');
    this.layer.className = 'finding-layer';
    this.layer.dataset.testid = 'finding-layer';
    editor.opts.host.append(this.layer);

    this.socket = acquireSocket();
    const join = () =>
      this.socket.emit('design:join', { designId }, (r: { ok: boolean; error?: string } | undefined) => {
        if (this.destroyed) return;
        if (r?.ok) this.store.set({ status: 'live' });
        else this.store.set({ status: 'error' });
      });
    const onScore = (payload: DesignScore) => {
      if (payload?.designId !== designId) return;
      this.receive(payload);
    };
    const onDisconnect = () => this.store.set({ status: 'offline' });
    this.socket.on('connect', join);
    this.socket.on('score', onScore);
    this.socket.on('disconnect', onDisconnect);
    if (this.socket.connected) join();
    this.offs.push(() => {
      this.socket.off('connect', join);
      this.socket.off('score', onScore);
      this.socket.off('disconnect', onDisconnect);
      if (this.socket.connected) this.socket.emit('design:leave', { designId });
      releaseSocket();
    });

    // Fallback (and first paint before the push arrives).
    insightsApi
      .score(designId)
      .then((s) => !this.destroyed && !this.store.get().score && this.receive({ ...s, designId }))
      .catch(() => undefined);

    const render = () => this.drawMarkers();
    this.offs.push(editor.canvas.on('after:render', render), this.store.subscribe(render));
  }

  private receive(score: DesignScore): void {
    const cur = this.store.get().score;
    // Pushes can race the fallback GET: never go back to an older sequence number.
    if (cur && cur.seq !== undefined && score.seq !== undefined && score.seq < cur.seq) return;
    const patch: Partial<ScoringState> = { score };
    // Drop the focus once its finding is gone (fixed, or the text changed).
    const focused = this.store.get().focused;
    if (focused && !score.findings.some((f) => findingKey(f) === focused)) Object.assign(patch, { focused: null });
    this.store.set(patch);
  }

  setOpen(open: boolean, tab?: InsightsTab): void {
    this.store.set(tab ? { open, tab } : { open });
  }

  toggle(tab: InsightsTab): void {
    const s = this.store.get();
    this.store.set(s.open && s.tab === tab ? { open: false } : { open: true, tab });
  }

  setMarkers(on: boolean): void {
    this.store.set({ markers: on });
  }

  /** Selects a finding's objects (those the user may select) and makes them pulse. */
  focus(key: string | null, objectIds: string[]): void {
    clearTimeout(this.focusTimer);
    let ids = objectIds.filter((id) => this.editor.binding.fabricOf(id));
    // Multi-page designs: go to the page of the finding's first object, and focus what is on it.
    const first = ids.length && !this.editor.binding.isShown(ids[0]) ? this.editor.binding.model(ids[0]) : null;
    if (first) this.editor.setPage(first.page ?? 0);
    ids = ids.filter((id) => this.editor.binding.isShown(id));
    this.store.set({ focused: key, focusedIds: ids });
    if (ids.length) this.editor.select(ids);
    // The pulse fades after a while; the finding stays marked in the panel.
    this.focusTimer = setTimeout(() => this.store.set({ focusedIds: [] }), 4_000);
  }

  /** Whether the local user may apply this fix (view-only, or a locked object without the right, may not). */
  canApply(fix: Fix): boolean {
    const ed = this.editor;
    if (!ed.canEdit) return false;
    if (fix.kind === 'set-props' || fix.kind === 'replace-text') {
      const o = ed.binding.model(fix.objectId);
      return !!o && ed.binding.canChange(o);
    }
    return true;
  }

  /** Applies a fix as an ordinary local change (synced to everyone, undoable by this user). */
  apply(fix: Fix): ApplyFixResult {
    if (!this.canApply(fix)) return { ok: false, reason: 'missing-object', message: 'You cannot change this object.' };
    const ed = this.editor;
    ed.undoManager.stopCapturing();
    const result = applyFix(ed.session.doc, fix, COMMAND_ORIGIN);
    ed.undoManager.stopCapturing();
    if (!result.ok) return result;
    const texts = result.objectIds.filter((id) => ed.binding.model(id)?.type === 'text');
    if (texts.length) ed.binding.syncTextHeights(texts);
    const selectable = result.objectIds.filter((id) => ed.binding.fabricOf(id));
    if (selectable.length) ed.select(selectable);
    return result;
  }

  /** Replaces a quoted passage of a text object (AI suggestions). */
  replaceQuote(objectId: string, quote: string, suggestion: string): ApplyFixResult {
    return this.apply({ kind: 'replace-text', objectId, from: quote, to: suggestion, label: 'Apply suggestion' });
  }

  /** Objects with findings, most severe first, for the canvas outlines. */
  private flagged(findings: readonly Finding[]): Map<string, Finding['severity']> {
    const out = new Map<string, Finding['severity']>();
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (const f of findings) {
      if (f.severity === 'info') continue;
      for (const id of f.objectIds) {
        const cur = out.get(id);
        if (!cur || rank[f.severity] < rank[cur]) out.set(id, f.severity);
      }
    }
    return out;
  }

  private drawMarkers(): void {
    if (this.destroyed) return;
    const { score, markers, focusedIds } = this.store.get();
    const want = new Map<string, { severity: string; focused: boolean }>();
    if (markers && score) for (const [id, severity] of this.flagged(score.findings)) want.set(id, { severity, focused: false });
    for (const id of focusedIds) want.set(id, { severity: want.get(id)?.severity ?? 'focus', focused: true });

    const v = this.editor.canvas.viewportTransform;
    const existing = new Map<string, HTMLDivElement>();
    for (const el of [...this.layer.children] as HTMLDivElement[]) existing.set(el.dataset.objectId ?? '', el);
    for (const [id, el] of existing) if (!want.has(id)) el.remove();
    for (const [id, m] of want) {
      // Only the page shown gets markers.
      const box = this.editor.binding.isShown(id) ? this.editor.binding.aabbOf(id) : null;
      const el = existing.get(id) ?? this.layer.appendChild(document.createElement('div'));
      if (!box) {
        el.remove();
        continue;
      }
      const pad = 4;
      const left = box.left * v[0] + v[4] - pad;
      const top = box.top * v[3] + v[5] - pad;
      const className = `finding-marker sev-${m.severity}${m.focused ? ' focused' : ''}`;
      const geometry = `${left.toFixed(1)},${top.toFixed(1)},${((box.right - box.left) * v[0]).toFixed(1)},${((box.bottom - box.top) * v[3]).toFixed(1)}`;
      // Runs after every canvas render: touch the DOM only when a marker actually changed.
      if (el.dataset.geometry === geometry && el.className === className) continue;
      el.dataset.objectId = id;
      el.dataset.testid = 'finding-marker';
      el.dataset.severity = m.severity;
      el.dataset.geometry = geometry;
      el.className = className;
      el.style.transform = `translate(${left}px, ${top}px)`;
      el.style.width = `${(box.right - box.left) * v[0] + pad * 2}px`;
      el.style.height = `${(box.bottom - box.top) * v[3] + pad * 2}px`;
    }
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.focusTimer);
    for (const off of this.offs) off();
    this.layer.remove();
  }
}

const controllers = new WeakMap<Editor, { c: ScoringController; users: number; timer?: ReturnType<typeof setTimeout> }>();

/** The editor's scoring controller, shared by the top-bar badges and the panel; it lives while any of them is mounted. */
export function acquireScoring(editor: Editor): ScoringController {
  let entry = controllers.get(editor);
  if (!entry) {
    entry = { c: new ScoringController(editor), users: 0 };
    controllers.set(editor, entry);
  }
  clearTimeout(entry.timer);
  entry.users++;
  return entry.c;
}

export function releaseScoring(editor: Editor): void {
  const entry = controllers.get(editor);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  entry.timer = setTimeout(() => {
    if (entry.users > 0) return;
    entry.c.destroy();
    controllers.delete(editor);
  }, 0);
}

/** Peek without taking a reference (for components rendered inside an acquiring parent). */
export function peekScoring(editor: Editor): ScoringController | undefined {
  return controllers.get(editor)?.c;
}
