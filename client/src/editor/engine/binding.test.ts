// @vitest-environment jsdom
/**
 * The canvas binding, headless: two engines (Y.Doc + fabric Canvas + CanvasBinding) joined as the
 * server joins two browsers. Each test drives one engine — commands on its model, or gestures
 * through fabric's own mouse handling — and asserts the other engine's fabric objects and both
 * models.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Textbox } from 'fabric';
import type { DesignObject, RectObject, TextObject } from '../../../../shared/design/index.js';
import { connect, seedDesign, TestEngine } from './test-support/test-engine.js';

const rect = (id: string, over: Partial<RectObject> = {}): RectObject => ({
  id,
  type: 'rect',
  x: 100,
  y: 100,
  width: 120,
  height: 80,
  angle: 0,
  z: 'a1',
  fill: '#336699',
  ...over,
});
const text = (id: string, over: Partial<TextObject> = {}): TextObject => ({
  id,
  type: 'text',
  x: 300,
  y: 300,
  width: 200,
  height: 30,
  angle: 0,
  z: 'a5',
  text: 'Open house Sunday',
  fontFamily: 'Inter',
  fontSize: 24,
  fontWeight: 400,
  fill: '#111111',
  textAlign: 'left',
  ...over,
});

const engines: TestEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

/** Two editors of one design: `agent` may edit (not locks), `manager` may edit and lock. */
function pair(objects: DesignObject[] = []) {
  const seed = seedDesign(objects);
  const agent = new TestEngine('agent', { canEdit: true, canLock: false }, seed);
  const manager = new TestEngine('manager', { canEdit: true, canLock: true }, seed);
  engines.push(agent, manager);
  const link = connect(agent, manager);
  return { agent, manager, link };
}

const center = (e: TestEngine, id: string) => {
  const p = e.fabric(id).getCenterPoint();
  return { x: p.x, y: p.y };
};

describe('CanvasBinding between two engines', () => {
  it('opens a stored design the same on both sides, stacked by z', () => {
    const { agent, manager } = pair([rect('top', { z: 'a9' }), rect('bottom', { z: 'a0', x: 10 }), text('headline')]);
    expect(agent.shown()).toEqual(['bottom', 'headline', 'top']);
    expect(manager.shown()).toEqual(['bottom', 'headline', 'top']);
    expect(manager.box('bottom')).toEqual({ x: 10, y: 100, width: 120, height: 80, angle: 0 });
    expect(manager.fabric('headline')).toBeInstanceOf(Textbox);
    expect((manager.fabric('headline') as Textbox).text).toBe('Open house Sunday');
  });

  it('an object added on one side appears on the other with its geometry and style', () => {
    const { agent, manager } = pair();
    agent.add(rect('r1', { x: 40, y: 60, width: 200, height: 100, angle: 30, fill: '#ff0000' }));
    expect(manager.shown()).toEqual(['r1']);
    expect(manager.box('r1')).toEqual({ x: 40, y: 60, width: 200, height: 100, angle: 30 });
    expect(manager.fabric('r1').fill).toBe('#ff0000');
    expect(manager.model('r1')).toEqual(agent.model('r1'));
  });

  it('a drag streams while the hand moves and writes the final place when it lets go', () => {
    const { agent, manager } = pair([rect('r1')]);
    const from = center(agent, 'r1'); // (160, 140)
    agent.pointerDown(from.x, from.y);
    agent.pointerMove(from.x + 10, from.y + 5);
    // The first frame of a drag goes out at once (later ones at most every 33 ms).
    expect(agent.model('r1')).toMatchObject({ x: 110, y: 105 });
    expect(manager.box('r1')).toMatchObject({ x: 110, y: 105 });
    // The peer draws it as a remote move: the rest of its scene stays cached.
    expect(manager.binding.remoteMoving).toEqual(new Set(['r1']));
    agent.pointerMove(from.x + 50, from.y + 40);
    agent.pointerUp(from.x + 50, from.y + 40);
    expect(agent.model('r1')).toMatchObject({ x: 150, y: 140, width: 120, height: 80 });
    expect(manager.box('r1')).toEqual({ x: 150, y: 140, width: 120, height: 80, angle: 0 });
    expect(manager.model('r1')).toEqual(agent.model('r1'));
  });

  it('a resize by the corner handle bakes the scale into width and height on both sides', () => {
    const { agent, manager } = pair([rect('r1')]);
    agent.binding.select(['r1']);
    const br = agent.handle('r1', 'br'); // (220, 180)
    agent.drag(br, { x: br.x + 60, y: br.y + 40 });
    const m = agent.model('r1')!;
    expect(m.x).toBeCloseTo(100, 0);
    expect(m.y).toBeCloseTo(100, 0);
    expect(m.width).toBeGreaterThan(150);
    expect(m.height).toBeGreaterThan(100);
    // The local object is rebuilt at scale 1 once the gesture is over.
    expect(agent.fabric('r1').scaleX).toBe(1);
    expect(agent.fabric('r1').width).toBeCloseTo(m.width, 1);
    expect(manager.box('r1')).toEqual({ x: m.x, y: m.y, width: m.width, height: m.height, angle: 0 });
    expect(manager.model('r1')).toEqual(m);
  });

  it('a restyle on one side repaints the other', () => {
    const { agent, manager } = pair([rect('r1'), text('t1')]);
    agent.set('r1', { fill: '#00aa00', stroke: '#000000', strokeWidth: 4, opacity: 0.5 });
    agent.set('t1', { fill: '#aa0000', fontWeight: 700 });
    expect(manager.fabric('r1')).toMatchObject({ fill: '#00aa00', stroke: '#000000', opacity: 0.5 });
    expect(manager.fabric('t1')).toMatchObject({ fill: '#aa0000', fontWeight: 700 });
  });

  it('a delete on one side removes the object from the other, and from its selection', () => {
    const { agent, manager } = pair([rect('r1'), rect('r2', { x: 400, z: 'a2' })]);
    manager.binding.select(['r1', 'r2']);
    expect(manager.binding.selectedIds().sort()).toEqual(['r1', 'r2']);
    agent.remove('r1');
    expect(manager.shown()).toEqual(['r2']);
    expect(manager.binding.fabricOf('r1')).toBeUndefined();
    expect(manager.binding.selectedIds()).toEqual(['r2']);
    expect(manager.model('r1')).toBeNull();
  });

  it('a new z on one side restacks the other', () => {
    const { agent, manager } = pair([rect('a', { z: 'a1' }), rect('b', { z: 'a2' }), rect('c', { z: 'a3' })]);
    expect(manager.shown()).toEqual(['a', 'b', 'c']);
    agent.set('a', { z: 'a4' });
    expect(manager.shown()).toEqual(['b', 'c', 'a']);
    agent.set('c', { z: 'a0' });
    expect(manager.shown()).toEqual(['c', 'b', 'a']);
    expect(agent.shown()).toEqual(manager.shown());
  });

  it('typing in a text box writes its text and measured height; the peer shows the new text', () => {
    const { agent, manager } = pair([text('t1')]);
    const tb = agent.startTyping('t1');
    agent.type(tb, 'Open house Sunday from one to four, with coffee and cookies for every visitor');
    const m = agent.model('t1') as TextObject;
    expect(m.text).toBe('Open house Sunday from one to four, with coffee and cookies for every visitor');
    // Wrapped over several lines in a 200 px box: the model keeps the measured height.
    expect(m.height).toBeGreaterThan(60);
    expect(m.height).toBeCloseTo(tb.height, 1);
    const peer = manager.fabric('t1') as Textbox;
    expect(peer.text).toBe(m.text);
    expect(peer.textLines.length).toBeGreaterThan(1);
    // The top-left stays where it was: the box grows downwards.
    expect(m).toMatchObject({ x: 300, y: 300 });
    agent.stopTyping(tb);
  });

  it('a peer’s change to a text being typed in waits until typing ends', () => {
    const { agent, manager } = pair([text('t1')]);
    const tb = agent.startTyping('t1');
    manager.set('t1', { fill: '#ff00ff' });
    expect(agent.model('t1')!).toMatchObject({ fill: '#ff00ff' });
    expect(agent.fabric('t1').fill).toBe('#111111');
    agent.type(tb, 'Price reduced');
    agent.stopTyping(tb);
    expect(agent.fabric('t1').fill).toBe('#ff00ff');
    expect((manager.fabric('t1') as Textbox).text).toBe('Price reduced');
  });

  it('a text box emptied by typing is deleted on both sides when editing ends', () => {
    const { agent, manager } = pair([text('t1'), rect('r1')]);
    const tb = agent.startTyping('t1');
    agent.type(tb, '   ');
    agent.stopTyping(tb);
    expect(agent.model('t1')).toBeNull();
    expect(manager.shown()).toEqual(['r1']);
  });

  it('a peer’s change to an object being dragged waits for the drop, then both sides agree', () => {
    const { agent, manager } = pair([rect('r1')]);
    const from = center(agent, 'r1');
    agent.pointerDown(from.x, from.y);
    agent.pointerMove(from.x + 20, from.y);
    manager.set('r1', { fill: '#123456', width: 300 });
    // Not applied under the user's hand…
    expect(agent.fabric('r1').fill).toBe('#336699');
    agent.pointerMove(from.x + 30, from.y);
    agent.pointerUp(from.x + 30, from.y);
    // …but once it is dropped.
    expect(agent.fabric('r1').fill).toBe('#123456');
    expect(agent.model('r1')).toEqual(manager.model('r1'));
    expect(manager.box('r1')).toEqual(agent.box('r1'));
    expect(agent.model('r1')).toMatchObject({ x: 130, fill: '#123456' });
  });

  it('a lock set by the brand manager freezes the object for the agent, who cannot drag it', () => {
    const { agent, manager } = pair([rect('logo')]);
    manager.set('logo', { locked: true });
    const fo = agent.fabric('logo');
    expect(fo.selectable).toBe(false);
    expect(fo.lockMovementX).toBe(true);
    expect(agent.binding.canChange(agent.model('logo')!)).toBe(false);
    // The manager can still select it (handles hidden, movement locked).
    expect(manager.fabric('logo')).toMatchObject({ selectable: true, lockMovementX: true, hasControls: false });

    const from = center(agent, 'logo');
    agent.drag(from, { x: from.x + 80, y: from.y + 80 });
    expect(agent.binding.selectedIds()).toEqual([]);
    expect(agent.model('logo')).toMatchObject({ x: 100, y: 100 });
    expect(manager.box('logo')).toMatchObject({ x: 100, y: 100 });

    manager.set('logo', { locked: undefined });
    expect(agent.fabric('logo')).toMatchObject({ selectable: true, lockMovementX: false });
    agent.drag(from, { x: from.x + 80, y: from.y + 80 });
    expect(manager.box('logo')).toMatchObject({ x: 180, y: 180 });
  });

  it('an object the agent has selected leaves the selection when the manager locks it', () => {
    const { agent, manager } = pair([rect('r1'), rect('r2', { x: 400, z: 'a2' })]);
    agent.binding.select(['r1', 'r2']);
    manager.set('r1', { locked: true });
    expect(agent.binding.selectedIds()).toEqual(['r2']);
  });

  it('edits made apart (a drag on one side, a restyle on the other) merge when the link comes back', () => {
    const { agent, manager, link } = pair([rect('r1')]);
    link.cut();
    const from = center(agent, 'r1');
    agent.drag(from, { x: from.x - 50, y: from.y });
    manager.set('r1', { fill: '#abcdef' });
    expect(manager.box('r1')).toMatchObject({ x: 100 });
    link.heal();
    expect(agent.model('r1')).toEqual(manager.model('r1'));
    expect(manager.model('r1')).toMatchObject({ x: 50, fill: '#abcdef' });
    expect(manager.box('r1')).toMatchObject({ x: 50 });
    expect(agent.fabric('r1').fill).toBe('#abcdef');
  });

  it('only the page shown is on the canvas; moving an object to another page takes it off', () => {
    const { agent, manager } = pair([rect('p0'), rect('p1', { page: 1, z: 'a2' })]);
    expect(manager.shown()).toEqual(['p0']);
    agent.set('p0', { page: 1 });
    expect(manager.shown()).toEqual([]);
    manager.binding.setPage(1);
    expect(manager.shown()).toEqual(['p0', 'p1']);
  });

  it('an invalid property from a peer keeps what is shown', () => {
    const { agent, manager } = pair([rect('r1')]);
    agent.set('r1', { fill: 'url(javascript:alert(1))' });
    expect(manager.fabric('r1').fill).toBe('#336699');
    expect(manager.binding.model('r1')).toBeNull();
  });
});
