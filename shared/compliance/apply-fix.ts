import type { Design, DesignObject } from '../design/index.js';
import { uniqueId } from './design-utils.js';
import type { Fix, ReplaceTextFix } from './types.js';

/**
 * Replace `fix.from` with `fix.to` in a string: at `fix.at` when the text
 * there still reads `from`, otherwise at the first occurrence. Unchanged if
 * `from` is gone.
 */
export function applyReplaceText(text: string, fix: Pick<ReplaceTextFix, 'from' | 'to' | 'at'>): string {
  const at = fix.at !== undefined && text.startsWith(fix.from, fix.at) ? fix.at : text.indexOf(fix.from);
  if (at < 0) return text;
  return text.slice(0, at) + fix.to + text.slice(at + fix.from.length);
}

/**
 * Apply a fix to a plain design and return the new design (the input is not
 * modified). This is the reference semantics; the editor applies the same
 * changes as property writes on the shared document. Fixes that target an
 * object that no longer exists leave the design unchanged.
 */
export function applyFix(design: Design, fix: Fix): Design {
  switch (fix.kind) {
    case 'set-meta':
      return { ...design, meta: { ...design.meta, ...fix.props } as Design['meta'] };
    case 'set-props': {
      const o = design.objects[fix.objectId];
      if (!o) return design;
      return { ...design, objects: { ...design.objects, [o.id]: { ...o, ...fix.props } as DesignObject } };
    }
    case 'replace-text': {
      const o = design.objects[fix.objectId];
      if (!o || o.type !== 'text') return design;
      const text = applyReplaceText(o.text, fix);
      return text === o.text ? design : { ...design, objects: { ...design.objects, [o.id]: { ...o, text } } };
    }
    case 'insert-object': {
      const id = design.objects[fix.object.id] ? uniqueId(design, fix.object.id) : fix.object.id;
      return { ...design, objects: { ...design.objects, [id]: { ...fix.object, id } } };
    }
  }
}
