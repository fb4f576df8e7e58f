/**
 * Where the project's files are, whether the server runs from its TypeScript
 * sources (tsx, tests) or from the compiled bundle in server/dist: both find
 * the project root by walking up to its package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. projectPath('client', 'dist'). */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
