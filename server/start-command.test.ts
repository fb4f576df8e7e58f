import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nodeFlagsOf, startNodeFlags } from './start-command.js';

describe('start command', () => {
  it('reads the flags between node and the compiled entry', () => {
    expect(nodeFlagsOf('npm run build && node --enable-source-maps --max-semi-space-size=4 server/dist/main.mjs')).toEqual([
      '--enable-source-maps',
      '--max-semi-space-size=4',
    ]);
    expect(nodeFlagsOf('node server/dist/main.mjs')).toEqual([]);
  });

  it('refuses a start script it cannot read rather than guessing', () => {
    expect(() => nodeFlagsOf('tsx server/main.ts')).toThrow(/must end with/);
    expect(() => nodeFlagsOf('node --a server/dist/main.mjs --port 3')).toThrow(/must end with/);
    expect(() => nodeFlagsOf('node --a extra.mjs server/dist/main.mjs')).toThrow(/must end with/);
  });

  it("package.json's start flags are ones this node accepts", () => {
    const flags = startNodeFlags();
    expect(flags).toContain('--enable-source-maps');
    // node (V8 too) exits with 9, "bad option", on a flag it does not know.
    execFileSync(process.execPath, [...flags, '-e', '0'], { stdio: 'pipe' });
  });
});
