import { describe, expect, it } from 'vitest';
import { PollPace, Waker } from './transport.js';

describe('PollPace', () => {
  it('doubles the sleep after each empty round up to the idle ceiling', () => {
    const pace = new PollPace(250, 5_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => pace.afterRound(false, 0))).toEqual([250, 500, 1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('starts again from pollMs after a round with work or a wake-up', () => {
    const pace = new PollPace(100, 1_000);
    for (let i = 0; i < 5; i++) pace.afterRound(false, 0);
    expect(pace.afterRound(true, 0)).toBe(100);
    expect(pace.afterRound(false, 0)).toBe(100);
    expect(pace.afterRound(false, 0)).toBe(200);
    pace.woken();
    expect(pace.afterRound(false, 0)).toBe(100);
  });

  it('never sleeps past a known deadline, and forgets it once a round ran after it', () => {
    const pace = new PollPace(100, 10_000);
    for (let i = 0; i < 8; i++) pace.afterRound(false, 0); // sleeping 10 s now
    pace.dueAt(1_000);
    pace.dueAt(3_000); // the earlier deadline wins
    expect(pace.afterRound(false, 500)).toBe(510);
    expect(pace.afterRound(false, 1_010)).toBe(10_000);
  });

  it('without notifications (idle ceiling = pollMs) it polls at pollMs', () => {
    const pace = new PollPace(250, 250);
    expect([1, 2, 3].map(() => pace.afterRound(false, 0))).toEqual([250, 250, 250]);
  });
});

describe('Waker', () => {
  it('a wake-up before the wait is not lost', async () => {
    const w = new Waker();
    w.wake();
    const started = Date.now();
    await w.wait(60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
