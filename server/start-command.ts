/**
 * How `npm start` runs the compiled server. package.json's "start" script is the one place that
 * says what the server process starts with: environment settings for the C library's allocator
 * and node flags for V8's heap sizing (see bench/PROFILE.md). The benchmarks and the
 * end-to-end suite read them from there, so they measure and test the server as users run it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.js';

/** The compiled server, relative to the project root. */
export const SERVER_ENTRY = 'server/dist/main.mjs';

export interface StartCommand {
  /** `NAME=value` settings before `node`, e.g. MALLOC_TRIM_THRESHOLD_. */
  env: Record<string, string>;
  /** The flags between `node` and the entry. */
  nodeFlags: string[];
}

const PackageScripts = z.object({ scripts: z.object({ start: z.string() }) });
const ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=(\S*)$/;

/** Reads the last step of a start script: `... && [NAME=value ...] node [--flags ...] server/dist/main.mjs`. */
export function startCommandOf(startScript: string): StartCommand {
  const words = startScript.split('&&').at(-1)!.trim().split(/\s+/);
  const node = words.indexOf('node');
  const assignments = words.slice(0, Math.max(node, 0)).map((word) => ASSIGNMENT.exec(word));
  const nodeFlags = words.slice(node + 1, -1);
  const readable =
    node >= 0 && assignments.every((a) => a !== null) && words.at(-1) === SERVER_ENTRY && nodeFlags.every((flag) => flag.startsWith('--'));
  if (!readable) throw new Error(`the start script must end with "[NAME=value ...] node [--flags] ${SERVER_ENTRY}", got: ${startScript}`);
  return { env: Object.fromEntries(assignments.map((a) => [a![1], a![2]])), nodeFlags };
}

/** What `npm start` starts the server with in the checkout at `root` (default: this one). */
export function startCommand(root = PROJECT_ROOT): StartCommand {
  const pkg = PackageScripts.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return startCommandOf(pkg.scripts.start);
}
