/**
 * One-click fixes as ordinary Yjs changes: every collaborator sees them, and
 * with the editor's local transaction origin they land on the user's own undo
 * stack. Pure over a Y.Doc (no DOM, no editor), so it is tested in Node.
 */
import * as Y from 'yjs';
import { metaMap, objectsMap, objectToYMap, updateObject } from '../../../../shared/design/index.js';
import type { Fix } from '../../../../shared/compliance/types.js';

export type ApplyFixResult =
  { ok: true; objectIds: string[] } | { ok: false; reason: 'missing-object' | 'text-changed' | 'already-applied'; message: string };

const fail = (reason: Extract<ApplyFixResult, { ok: false }>['reason'], message: string): ApplyFixResult => ({
  ok: false,
  reason,
  message,
});

/** Where `from` should be replaced in `text`: at `at` if it still matches there, else its first occurrence (-1: gone). */
export function replacementIndex(text: string, from: string, at?: number): number {
  if (at !== undefined && text.startsWith(from, at)) return at;
  return text.indexOf(from);
}

export function applyFix(doc: Y.Doc, fix: Fix, origin?: unknown): ApplyFixResult {
  const objects = objectsMap(doc);
  switch (fix.kind) {
    case 'set-props': {
      if (!objects.has(fix.objectId)) return fail('missing-object', 'The object this fix points at was deleted.');
      updateObject(doc, fix.objectId, fix.props, origin);
      return { ok: true, objectIds: [fix.objectId] };
    }
    case 'set-meta': {
      const meta = metaMap(doc);
      doc.transact(() => {
        for (const [k, v] of Object.entries(fix.props)) if (meta.get(k) !== v) meta.set(k, v);
      }, origin);
      return { ok: true, objectIds: [] };
    }
    case 'replace-text': {
      const map = objects.get(fix.objectId);
      if (!map) return fail('missing-object', 'The text this fix points at was deleted.');
      const text = map.get('text');
      if (typeof text !== 'string') return fail('missing-object', 'The object this fix points at holds no text.');
      const i = replacementIndex(text, fix.from, fix.at);
      if (i < 0) return fail('text-changed', `“${fix.from}” is no longer in that text.`);
      const next = text.slice(0, i) + fix.to + text.slice(i + fix.from.length);
      doc.transact(() => map.set('text', next), origin);
      return { ok: true, objectIds: [fix.objectId] };
    }
    case 'insert-object': {
      // The id comes with the fix, so two people clicking the same fix add one object, not two.
      if (objects.has(fix.object.id)) return fail('already-applied', 'This was already added.');
      doc.transact(() => objects.set(fix.object.id, objectToYMap(fix.object)), origin);
      return { ok: true, objectIds: [fix.object.id] };
    }
  }
}
