/**
 * Node-only loading of the JSONL evaluation batches (the engine itself stays
 * isomorphic; only the eval runner and its test read files).
 *
 * - `eval/dev/*.jsonl`: development batches — free to read and tune on.
 * - `eval/holdout/*.jsonl`: frozen held-out batches written by people who had
 *   not seen the engine. Their sha256 sums are listed in `holdout/README.md`;
 *   a batch whose sum differs is refused, so a tuned or edited batch cannot be
 *   reported as held-out.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBatch, type BatchEntry } from './batch.js';

const EVAL_DIR = fileURLToPath(new URL('.', import.meta.url));
export const DEV_DIR = join(EVAL_DIR, 'dev');
export const HOLDOUT_DIR = join(EVAL_DIR, 'holdout');

const jsonlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : [];

export function loadDevBatches(dir = DEV_DIR): BatchEntry[] {
  return jsonlFiles(dir).flatMap((f) => parseBatch(f, readFileSync(join(dir, f), 'utf8')));
}

/** `<sha256>  <file>` lines in the README (sha256sum's own output format). */
export function readFrozenSums(readme: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const m of readme.matchAll(/^\s*([0-9a-f]{64})\s+\*?(\S+\.jsonl)\s*$/gim)) sums.set(m[2]!, m[1]!.toLowerCase());
  return sums;
}

export interface HoldoutBatch {
  file: string;
  entries: BatchEntry[];
}

export function loadHoldout(dir = HOLDOUT_DIR): HoldoutBatch[] {
  const files = jsonlFiles(dir);
  if (files.length === 0) return [];
  const readmePath = join(dir, 'README.md');
  const sums = readFrozenSums(existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '');
  return files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    const actual = createHash('sha256').update(bytes).digest('hex');
    const expected = sums.get(file);
    if (!expected) throw new Error(`held-out ${file} has no sha256 in ${readmePath}`);
    if (expected !== actual) throw new Error(`held-out ${file} changed since it was frozen (sha256 ${actual}, README ${expected})`);
    return { file, entries: parseBatch(file, bytes.toString('utf8')) };
  });
}
