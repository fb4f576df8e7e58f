/**
 * Placeholders: what the editor shows so a design can be filled in, and what must never print —
 * image frames without an image, template sample copy nobody replaced, unresolved `{{tokens}}`.
 * (Editor-only guides — safe area, bleed, selection — are not in the model at all.)
 */
import type { DesignObject } from '../design/index.js';

export interface Placeholder {
  objectId: string;
  page: number;
  kind: 'empty-image' | 'sample-text' | 'unresolved-token';
  /** A short human description ("Hero photo", "the address"). */
  label: string;
}

const TOKEN = /\{\{[^}]+\}\}|^\$(?:logo|eho)\b/;

function labelOf(o: DesignObject): string {
  if (o.name) return o.name;
  if (o.role) return `the ${o.role.replace(/-/g, ' ')}`;
  return `${o.type} ${o.id}`;
}

/** Why an object is a placeholder, or null when it is real content. */
export function placeholderKind(o: DesignObject): Placeholder['kind'] | null {
  if (o.type === 'image') {
    if (!o.src.trim()) return 'empty-image';
    if (TOKEN.test(o.src)) return 'unresolved-token';
    return null;
  }
  if (o.type === 'text') {
    if (o.sampleText !== undefined && o.text === o.sampleText && o.text.trim() !== '') return 'sample-text';
    if (TOKEN.test(o.text)) return 'unresolved-token';
  }
  return null;
}

export function placeholderOf(o: DesignObject): Placeholder | null {
  const kind = placeholderKind(o);
  return kind ? { objectId: o.id, page: o.page ?? 0, kind, label: labelOf(o) } : null;
}

/** A one-line warning listing the placeholders an export left out. */
export function placeholderWarning(list: readonly Placeholder[]): string | null {
  if (list.length === 0) return null;
  const names = list.map((p) => p.label);
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  return `${list.length} placeholder${list.length === 1 ? ' was' : 's were'} left out of the export: ${shown}.`;
}
