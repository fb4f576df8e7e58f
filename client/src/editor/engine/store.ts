/** A tiny observable state container the React UI reads with useSyncExternalStore. */
import type { DesignMeta, DesignObject } from '../../../../shared/design/index.js';
import type { Peer } from './presence.js';
import type { ConnectionState, SaveState } from './session.js';

export type Tool = 'select' | 'text' | 'rect' | 'ellipse' | 'line';

export interface LayerItem {
  id: string;
  type: DesignObject['type'];
  label: string;
  visible: boolean;
  locked: boolean;
  role?: string;
}

export type PeerSummary = Pick<Peer, 'clientId' | 'user' | 'page' | 'self'>;

export interface EditorState {
  ready: boolean;
  /** The design has been drawn once (panels that are not needed for that first frame wait for it). */
  drawn: boolean;
  /** The brand font files are in the shared font book: text is laid out as the exports lay it out. */
  layoutFonts: boolean;
  tool: Tool;
  zoom: number;
  selection: string[];
  /** Model snapshots of the selected objects. */
  selected: DesignObject[];
  /** Top of the stack first. */
  layers: LayerItem[];
  meta: DesignMeta | null;
  /** Design page shown (0-based). */
  page: number;
  connection: ConnectionState;
  save: SaveState;
  /** Who is here and on which page (cursors and selections are drawn by the presence layer, not React). */
  peers: PeerSummary[];
  canUndo: boolean;
  canRedo: boolean;
  fatal: { code: number; reason: string } | null;
  busy: string | null;
  /** Keyboard shortcuts dialog open. */
  help: boolean;
  /** Context menu position (viewport px), when open. */
  menu: { x: number; y: number } | null;
}

export const initialState: EditorState = {
  ready: false,
  drawn: false,
  layoutFonts: false,
  tool: 'select',
  zoom: 1,
  selection: [],
  selected: [],
  layers: [],
  meta: null,
  page: 0,
  connection: 'connecting',
  save: 'saved',
  peers: [],
  canUndo: false,
  canRedo: false,
  fatal: null,
  busy: null,
  help: false,
  menu: null,
};

export class Store<S extends object> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}
  get = (): S => this.state;
  set(patch: Partial<S>): void {
    let changed = false;
    for (const k of Object.keys(patch) as Array<keyof S>) if (this.state[k] !== patch[k]) changed = true;
    if (!changed) return;
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
}

const ROLE_LABELS: Record<string, string> = {
  logo: 'Logo',
  disclaimer: 'Disclaimer',
  'agent-name': 'Agent name',
  'agent-phone': 'Agent phone',
  'agent-email': 'Agent email',
  'agent-photo': 'Agent photo',
  'brokerage-name': 'Brokerage name',
  'license-number': 'License number',
  'eho-logo': 'Equal Housing logo',
  'eho-slogan': 'Equal Housing slogan',
  headline: 'Headline',
  price: 'Price',
  address: 'Address',
  facts: 'Facts',
  description: 'Description',
  photo: 'Photo',
  background: 'Background',
};

const TYPE_LABELS: Record<DesignObject['type'], string> = {
  text: 'Text',
  image: 'Image',
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  line: 'Line',
};

export function layerLabel(o: DesignObject): string {
  if (o.name) return o.name;
  if (o.role && ROLE_LABELS[o.role]) return ROLE_LABELS[o.role];
  if (o.type === 'text' && o.text.trim()) return o.text.trim().split('\n')[0].slice(0, 40);
  return TYPE_LABELS[o.type];
}

export function toLayer(o: DesignObject): LayerItem {
  return { id: o.id, type: o.type, label: layerLabel(o), visible: o.visible !== false, locked: !!o.locked, role: o.role };
}
