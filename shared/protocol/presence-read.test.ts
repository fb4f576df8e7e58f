import { describe, expect, it } from 'vitest';
import { expectSame, expectTwinOnGenerated, mutate, zodResult } from '../fast-parse/test-support/testing.js';
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
    expectTwinOnGenerated({
      seed: 3,
      count: 10_000,
      schema: PresenceStateSchema,
      fast: parsePresenceState,
      input: (random) => {
        const input = mutate(random, VALID, KEYS);
        // Now and then, bend the nested user, the selection list or the cursor instead.
        if (random() < 0.25) input.user = mutate(random, VALID.user, ['id', 'name', 'color', 'extra']);
        if (random() < 0.25)
          input.selection = Array.from({ length: [0, 1, 1000, 1001][Math.floor(random() * 4)]! }, (_, k) =>
            k === 3 && random() < 0.5 ? 'x'.repeat(65) : `o${k}`,
          );
        if (random() < 0.25) input.cursor = mutate(random, VALID.cursor, ['x', 'y', 'extra']);
        return input;
      },
    });
  });

  it('for non-objects', () => {
    for (const input of [null, undefined, 1, 'state', [], [VALID]])
      expectSame(parsePresenceState(input), zodResult(PresenceStateSchema, input), input);
  });
});
