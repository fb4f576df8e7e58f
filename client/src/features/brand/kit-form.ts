/** Brand kit editor helpers (pure): validation into field errors, ids, and small list edits. */
import { BrandKitSchema, type BrandKit } from '../../../../shared/brand/index.js';

export type FieldErrors = Record<string, string>;

/** Validates a draft with the same schema the server uses; errors keyed by dotted path ("palette.2.hex"). */
export function validateKit(draft: unknown): { kit: BrandKit; errors: null } | { kit: null; errors: FieldErrors } {
  const r = BrandKitSchema.safeParse(draft);
  if (r.success) return { kit: r.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const path = issue.path.join('.') || 'kit';
    errors[path] ??= friendly(issue.message);
  }
  return { kit: null, errors };
}

/** The server's `{field, message}` list as the same map. */
export function serverFieldErrors(fields: Array<{ field: string; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields) out[f.field] ??= friendly(f.message);
  return out;
}

function friendly(message: string): string {
  if (/Too small.*>=1 characters|at least 1 character/i.test(message)) return 'Required';
  return message.replace(/^Invalid string: /, '');
}

/** Errors at or under a path prefix (for "this section has problems" hints). */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .map(([, v]) => v);
}

/** A slug id unique among `taken` ("primary-logo", "primary-logo-2"). */
export function uniqueId(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`;
  return id;
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

/** Whether two kits differ (for the "unsaved changes" bar). */
export function kitChanged(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
