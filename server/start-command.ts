/**
 * How `npm start` runs the compiled server. package.json's "start" script is the one place that
 * says which node flags the server runs with (V8's heap sizing among them, see
 * server/bench/PROFILE.md); the benchmarks and the end-to-end suite read them from there, so they
 * measure and test the server exactly as users run it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.js';

/** The compiled server, relative to the project root. */
export const SERVER_ENTRY = 'server/dist/main.mjs';

const PackageScripts = z.object({ scripts: z.object({ start: z.string() }) });

/** The flags between `node` and the entry in a start script, e.g. `... && node --a --b=1 server/dist/main.mjs`. */
export function nodeFlagsOf(startScript: string): string[] {
  const last = startScript.split('&&').at(-1)!.trim().split(/\s+/);
  if (last[0] !== 'node' || last.at(-1) !== SERVER_ENTRY || last.slice(1, -1).some((flag) => !flag.startsWith('--'))) {
    throw new Error(`the start script must end with "node [--flags] ${SERVER_ENTRY}", got: ${startScript}`);
  }
  return last.slice(1, -1);
}

/** The node flags `npm start` gives the server in the checkout at `root` (default: this one). */
export function startNodeFlags(root = PROJECT_ROOT): string[] {
  const pkg = PackageScripts.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return nodeFlagsOf(pkg.scripts.start);
}
