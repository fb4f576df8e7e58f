import { describe, expect, it } from 'vitest';
import { expectSame, mutate, rng, zodResult } from '../fast-parse/testing.js';
import { PresenceStateSchema } from './presence.js';
import { parsePresenceState } from './presence-read.js';

const VALID = { user: { id: 'u1', name: 'Ann Agent', color: '#e0604e' }, cursor: { x: 10, y: 20 }, selection: ['a', 'b'], page: 0 };
const KEYS = ['user', 'cursor', 'selection', 'page', 'extra'];

describe('parsePresenceState gives what PresenceStateSchema gives', () => {
  it('for a full state and a bare one', () => {
    for (const input of [VALID, { user: VALID.user }, { user: VALID.user, cursor: null }]) {
      expect(parsePresenceState(input)).not.toBeNull();
      expectSame(parsePresenceState(input), zodResult(PresenceStateSchema, input), input);
    }
  });

  it('for 10,000 generated states near the edges, nested objects and arrays included', () => {
    const random = rng(3);
    let valid = 0;
    for (let i = 0; i < 10_000; i++) {
      const input = mutate(random, VALID, KEYS);
      // Half the time, bend the nested user or the selection list instead.
      if (random() < 0.25) input.user = mutate(random, VALID.user, ['id', 'name', 'color', 'extra']);
      if (random() < 0.25) input.selection = Array.from({ length: [0, 1, 1000, 1001][Math.floor(random() * 4)]! }, (_, k) => (k === 3 && random() < 0.5 ? 'x'.repeat(65) : `o${k}`));
      if (random() < 0.25) input.cursor = mutate(random, VALID.cursor, ['x', 'y', 'extra']);
      const fast = parsePresenceState(input);
      expectSame(fast, zodResult(PresenceStateSchema, input), input);
      if (fast) valid++;
    }
    expect(valid).toBeGreaterThan(1_000);
    expect(valid).toBeLessThan(9_000);
  });

  it('for non-objects', () => {
    for (const input of [null, undefined, 1, 'state', [], [VALID]]) expectSame(parsePresenceState(input), zodResult(PresenceStateSchema, input), input);
  });
});
