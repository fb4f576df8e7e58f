/**
 * Fast twin of PresenceStateSchema (presence.ts) for the editor, which reads every
 * peer's awareness state on each awareness change (see shared/fast-parse).
 * presence-read.test.ts holds it to the schema's results.
 */
import { array, BAD, int, nullable, number, object, optional, string } from '../fast-parse/index.js';
import type { PresenceState } from './presence.js';

const parse = object<PresenceState>({
  user: object({ id: string(0, 64), name: string(0, 200), color: string(0, 32) }),
  cursor: optional(nullable(object({ x: number(), y: number() }))),
  selection: optional(array(string(0, 64), 1000)),
  page: optional(int(0)),
});

/** Same result as `PresenceStateSchema.safeParse(value)`: the state, or null when it does not validate. */
export function parsePresenceState(value: unknown): PresenceState | null {
  const r = parse(value);
  return r === BAD ? null : r;
}
