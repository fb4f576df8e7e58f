import type { z } from 'zod';
import { AppError } from './errors.js';

/** Parses untrusted input; failure is a 400 naming each field at fault. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = fields[0]!;
  throw new AppError(400, 'validation_failed', `${first.field}: ${first.message}`, { fields });
}

/** Half of a UTF-16 surrogate pair, unpaired. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string (value or object key) that PostgreSQL text cannot hold or that is not
 * well-formed Unicode: a NUL, or half of a UTF-16 surrogate pair. Null when all is well.
 */
export function findUnstorableText(value: unknown, path = ''): { field: string; message: string } | null {
  const check = (s: string, field: string) =>
    s.includes('\u0000')
      ? { field, message: 'contains a NUL character' }
      : LONE_SURROGATE.test(s)
        ? { field, message: 'contains a lone UTF-16 surrogate (not valid Unicode)' }
        : null;
  if (typeof value === 'string') return check(value, path);
  if (typeof value !== 'object' || value === null) return null;
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      const bad = check(node, at);
      if (bad) return bad;
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => stack.push([v, at ? `${at}.${i}` : String(i)]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        const field = at ? `${at}.${k}` : k;
        const bad = check(k, field);
        if (bad) return bad;
        stack.push([v, field]);
      }
    }
  }
  return null;
}

/** 400 `invalid_text` when a request's body, query string or path parameters carry unstorable text. */
export function assertStorableText(parts: { body?: unknown; query?: unknown; params?: unknown }): void {
  for (const [where, value] of Object.entries(parts)) {
    const bad = findUnstorableText(value);
    if (bad) {
      const field = bad.field || where;
      throw new AppError(400, 'invalid_text', `${where === 'body' ? '' : `${where} `}${field}: ${bad.message}`, {
        fields: [{ field, message: bad.message }],
      });
    }
  }
}
