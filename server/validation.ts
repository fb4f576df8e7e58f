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
