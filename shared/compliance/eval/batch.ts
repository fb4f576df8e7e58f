import { z } from 'zod';
import type { ProtectedClass } from '../fair-housing/classes.js';
import type { CorpusEntry } from './corpus.js';

/**
 * One line of a JSONL evaluation batch (the format the held-out writers use):
 * `{ id, text, label: 'violation' | 'acceptable', class, reason, medium }`.
 * `class` uses the writers' snake_case names; acceptable lines may name the
 * class their look-alike words belong to, or none.
 */
export const BATCH_CLASSES = {
  race: 'race',
  color: 'color',
  religion: 'religion',
  sex: 'sex',
  disability: 'disability',
  familial_status: 'familial-status',
  national_origin: 'national-origin',
  age: 'age',
  source_of_income: 'source-of-income',
  marital_status: 'marital-status',
  sexual_orientation: 'sexual-orientation',
  gender_identity: 'gender-identity',
  military_status: 'military-status',
  // The third writer (batches 6–7) was asked for `military`: the same class.
  military: 'military-status',
} as const satisfies Record<string, ProtectedClass>;

export const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1).max(5000),
  label: z.enum(['violation', 'acceptable']),
  class: z.string().nullish(),
  reason: z.string().nullish(),
  medium: z.string().nullish(),
});
export type BatchLine = z.infer<typeof BatchLineSchema>;

export interface BatchEntry extends CorpusEntry {
  id: string;
  batch: string;
}

/** Parse a JSONL batch; throws with the line number on the first bad line. */
export function parseBatch(name: string, jsonl: string): BatchEntry[] {
  const out: BatchEntry[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    const parsed = BatchLineSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(`${name}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const l = parsed.data;
    const key = (l.class ?? '')
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const cls = (BATCH_CLASSES as Record<string, ProtectedClass>)[key];
    if (l.label === 'violation' && !cls) throw new Error(`${name}:${i + 1}: violation with unknown class "${l.class}"`);
    out.push({ id: l.id, batch: name, text: l.text, label: l.label, ...(cls ? { cls } : {}) });
  });
  return out;
}
