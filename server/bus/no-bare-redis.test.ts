/**
 * Keeps server/bus the only owner of Redis connections: everywhere else Redis clients come
 * from `RedisConnections` (whose commands cannot reject into nothing), and no statement
 * fires a Redis command without awaiting it or handling its failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../paths.js';

const ROOT = projectPath();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

const files = ['server', 'shared', 'client'].flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => relative(ROOT, f));
const outsideBus = files.filter((f) => !f.startsWith('server/bus/'));
const isTestCode = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith('server/test-support/');

/** A statement that starts with a call on something named like a Redis client. */
const BARE_CALL = /^\s*(?:this\.)?[A-Za-z_]*(?:redis|Redis)[A-Za-z_]*\.(?!on\b|once\b|off\b|status\b)[a-zA-Z]+\(/;

describe('Redis is reached only through server/bus', () => {
  it('production code outside server/bus imports no Redis client library as a value', () => {
    const offenders = outsideBus
      .filter((f) => !isTestCode(f))
      .filter((f) => {
        const text = readFileSync(join(ROOT, f), 'utf8');
        return (
          /import\s+(?!type\b)[^;]*from\s+['"](?:ioredis|redis|@redis\/[^'"]+)['"]/.test(text) || /require\(['"]ioredis['"]\)/.test(text)
        );
      });
    expect(offenders).toEqual([]);
  });

  it('no statement outside server/bus fires a Redis command and ignores how it ends', () => {
    const offenders: string[] = [];
    for (const f of outsideBus) {
      const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!BARE_CALL.test(line)) return;
        // The statement, up to its end: handled if awaited, returned, or given a catch.
        const statement = lines
          .slice(i, i + 5)
          .join(' ')
          .split(';')[0]!;
        if (!/\.catch\(/.test(statement)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a bare call and a value import', () => {
    expect(BARE_CALL.test('    this.redis.publish(channel, message);')).toBe(true);
    expect(BARE_CALL.test('  redisClient.set(key, value)')).toBe(true);
    expect(BARE_CALL.test('    this.redis.on("error", log)')).toBe(false);
    expect(BARE_CALL.test('    await this.redis.get(key)')).toBe(false);
    expect(/import\s+(?!type\b)[^;]*from\s+['"](?:ioredis|redis|@redis\/[^'"]+)['"]/.test("import { Redis } from 'ioredis';")).toBe(true);
    expect(/import\s+(?!type\b)[^;]*from\s+['"](?:ioredis|redis|@redis\/[^'"]+)['"]/.test("import type { Redis } from 'ioredis';")).toBe(
      false,
    );
  });
});
