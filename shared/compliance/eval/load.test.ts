import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatch } from './batch.js';
import { loadDevBatches, loadHoldout, readFrozenSums } from './load.js';

const line = (o: object) => JSON.stringify(o);
const batch = [
  line({ id: 1, text: 'No kids.', label: 'violation', class: 'familial_status', reason: 'r', medium: 'flyer' }),
  line({ id: 'b', text: 'Family room.', label: 'acceptable', class: null, reason: 'look-alike', medium: 'mls' }),
].join('\n');

describe('evaluation batches', () => {
  it('parses the writers’ JSONL format and maps their class names', () => {
    const entries = parseBatch('x.jsonl', batch + '\n\n');
    expect(entries).toEqual([
      { id: '1', batch: 'x.jsonl', text: 'No kids.', label: 'violation', cls: 'familial-status' },
      { id: 'b', batch: 'x.jsonl', text: 'Family room.', label: 'acceptable' },
    ]);
  });

  it('names the line of a bad entry', () => {
    expect(() => parseBatch('x.jsonl', `${batch}\n{"id":3,"text":"x","label":"maybe"}`)).toThrow(/x\.jsonl:3: label/);
    expect(() => parseBatch('x.jsonl', `${batch}\n{"id":3,"text":"x","label":"violation","class":"zodiac"}`)).toThrow(
      /unknown class "zodiac"/,
    );
    expect(() => parseBatch('x.jsonl', '{oops')).toThrow(/x\.jsonl:1: not JSON/);
  });

  it('loads held-out batches only when their sha256 matches the README', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holdout-'));
    writeFileSync(join(dir, 'batch-1.jsonl'), batch);
    const sum = createHash('sha256').update(batch).digest('hex');
    expect(() => loadHoldout(dir)).toThrow(/no sha256/);
    writeFileSync(join(dir, 'README.md'), `Frozen:\n\n${sum}  batch-1.jsonl\n`);
    expect(readFrozenSums(`${sum}  batch-1.jsonl`).get('batch-1.jsonl')).toBe(sum);
    expect(loadHoldout(dir)[0]!.entries).toHaveLength(2);
    writeFileSync(join(dir, 'batch-1.jsonl'), batch + '\n');
    expect(() => loadHoldout(dir)).toThrow(/changed since it was frozen/);
  });

  it('an empty or missing held-out folder is no batch, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holdout-'));
    expect(loadHoldout(dir)).toEqual([]);
    writeFileSync(join(dir, 'README.md'), '# Held-out\n\nNone frozen yet.\n');
    expect(loadHoldout(dir)).toEqual([]);
    expect(loadHoldout(join(dir, 'absent'))).toEqual([]);
  });

  it('the committed held-out folder loads (every batch in it matches its sum)', () => {
    expect(() => loadHoldout()).not.toThrow();
    for (const b of loadHoldout()) expect(b.entries.length, b.file).toBeGreaterThan(0);
  });

  it('the committed dev batches parse and cover every writer class', () => {
    const dev = loadDevBatches();
    const classes = new Set(dev.filter((e) => e.label === 'violation').map((e) => e.cls));
    expect(classes.size).toBeGreaterThanOrEqual(13);
    expect(dev.filter((e) => e.label === 'acceptable').length).toBeGreaterThanOrEqual(50);
  });
});
