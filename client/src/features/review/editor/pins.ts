/**
 * Pure geometry and grouping for comment pins: where a pin sits (it follows
 * its object: the object's current top-left plus the stored offset, in the
 * object's own rotated frame), which object a click lands on, and threads.
 */
import type { Comment } from '../api.js';

export interface Point {
  x: number;
  y: number;
}

/** An object's box as the design model describes it: top-left of the unrotated box, angle in degrees clockwise about the centre. */
export interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
  angle: number;
}

function rotate(p: Point, c: Point, deg: number): Point {
  if (!deg) return p;
  const r = (deg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: c.x + dx * cos - dy * sin, y: c.y + dx * sin + dy * cos };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Design coordinates of a pin. Object pins: the object's top-left plus the
 * offset (clamped to the box, so a pin stays on an object that shrank),
 * turned with the object. Point pins: where they were put. `null` when the
 * object is gone.
 */
export function pinPoint(c: Pick<Comment, 'objectId' | 'x' | 'y'>, geom: Geometry | null): Point | null {
  if (c.objectId) {
    if (!geom) return null;
    const local = { x: geom.x + clamp(c.x ?? 0, 0, Math.max(0, geom.width)), y: geom.y + clamp(c.y ?? 0, 0, Math.max(0, geom.height)) };
    return rotate(local, { x: geom.x + geom.width / 2, y: geom.y + geom.height / 2 }, geom.angle);
  }
  if (c.x === null || c.y === null) return null;
  return { x: c.x, y: c.y };
}

/** The offset to store for a pin at design point `p` on an object (inverse of `pinPoint`). */
export function offsetInObject(p: Point, geom: Geometry): Point {
  const local = rotate(p, { x: geom.x + geom.width / 2, y: geom.y + geom.height / 2 }, -geom.angle);
  return { x: round2(local.x - geom.x), y: round2(local.y - geom.y) };
}

/** Whether design point `p` lies inside the (rotated) box. */
export function pointInBox(p: Point, geom: Geometry, tolerance = 0): boolean {
  const local = rotate(p, { x: geom.x + geom.width / 2, y: geom.y + geom.height / 2 }, -geom.angle);
  return (
    local.x >= geom.x - tolerance &&
    local.x <= geom.x + geom.width + tolerance &&
    local.y >= geom.y - tolerance &&
    local.y <= geom.y + geom.height + tolerance
  );
}

export interface Hittable extends Geometry {
  id: string;
  visible?: boolean;
  role?: string;
}

/**
 * The topmost object under `p` worth pinning a comment to (`objects` lowest
 * first). Page backgrounds (role `background`, or a box covering nearly the
 * whole page) do not count: a click there is a comment on a point.
 */
export function hitObject(p: Point, objects: Hittable[], page: { width: number; height: number }, tolerance = 3): string | null {
  for (let i = objects.length - 1; i >= 0; i--) {
    const o = objects[i]!;
    if (o.visible === false || o.role === 'background') continue;
    if (o.width * o.height >= page.width * page.height * 0.9) continue;
    // Thin lines get a little extra room.
    const tol = Math.min(o.width, o.height) < 8 ? Math.max(tolerance, 6) : tolerance;
    if (pointInBox(p, o, tol)) return o.id;
  }
  return null;
}

/** Viewport transform (fabric's [a, b, c, d, e, f]) applied to a design point. */
export function toScreen(p: Point, vpt: readonly number[]): Point {
  return { x: p.x * vpt[0]! + p.y * vpt[2]! + vpt[4]!, y: p.x * vpt[1]! + p.y * vpt[3]! + vpt[5]! };
}

export function toDesign(p: Point, vpt: readonly number[]): Point {
  const [a, b, c, d, e, f] = vpt as [number, number, number, number, number, number];
  const det = a * d - b * c || 1;
  const x = p.x - e;
  const y = p.y - f;
  return { x: (d * x - c * y) / det, y: (a * y - b * x) / det };
}

export interface Thread {
  root: Comment;
  replies: Comment[];
  /** 1-based, in the order threads were started (stable pin labels). */
  number: number;
  resolved: boolean;
  /** Time of the latest message in the thread. */
  lastAt: string;
}

/** Root comments with their replies (oldest first); replies to replies join their root's thread. */
export function buildThreads(comments: Comment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    let cur = c;
    for (let guard = 0; cur.parentId && guard < 50; guard++) {
      const parent = byId.get(cur.parentId);
      if (!parent) break;
      cur = parent;
    }
    return cur;
  };
  const sorted = [...comments].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const threads = new Map<string, Thread>();
  for (const c of sorted) {
    const root = rootOf(c);
    let t = threads.get(root.id);
    if (!t) {
      t = { root, replies: [], number: threads.size + 1, resolved: !!root.resolvedAt, lastAt: root.createdAt };
      threads.set(root.id, t);
    }
    if (c.id !== root.id) {
      t.replies.push(c);
      if (c.createdAt > t.lastAt) t.lastAt = c.createdAt;
    }
  }
  return [...threads.values()];
}
