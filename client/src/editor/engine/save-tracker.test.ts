import { describe, expect, it } from 'vitest';
import { SaveTracker, countingWebSocket } from './save-tracker.js';

const update = new Uint8Array([0, 2, 1, 2, 3]);
const step2 = new Uint8Array([0, 1, 0]);
const step1 = new Uint8Array([0, 0, 0]);
const awareness = new Uint8Array([1, 5, 5]);

class FakeSocket {
  frames: unknown[] = [];
  constructor(public url: string | URL) {}
  send(data: unknown) {
    this.frames.push(data);
  }
}

describe('SaveTracker', () => {
  it('counts only document changes on the current socket', () => {
    const t = new SaveTracker();
    const Ws = countingWebSocket(t, FakeSocket as unknown as typeof WebSocket);
    const a = new Ws('ws://x');
    a.send(step1);
    a.send(awareness);
    a.send(step2);
    a.send(update.buffer);
    expect(t.pending).toBe(2);
    t.ack(1);
    expect(t.pending).toBe(1);
    t.ack(2);
    expect(t.pending).toBe(0);
  });
  it('resets per socket and ignores the old one', () => {
    const t = new SaveTracker();
    const Ws = countingWebSocket(t, FakeSocket as unknown as typeof WebSocket);
    const a = new Ws('ws://x');
    a.send(update);
    const b = new Ws('ws://x');
    expect(t.pending).toBe(0);
    a.send(update);
    expect(t.pending).toBe(0);
    b.send(update);
    expect(t.pending).toBe(1);
    t.ack(0);
    expect(t.pending).toBe(1);
  });
});
