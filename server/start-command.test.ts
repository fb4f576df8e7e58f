import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startCommand, startCommandOf } from './start-command.js';

describe('start command', () => {
  it('reads the settings and flags of the step that runs the compiled server', () => {
    expect(startCommandOf('npm run build && A_B_=1 node --enable-source-maps --max-semi-space-size=4 server/dist/main.mjs')).toEqual({
      env: { A_B_: '1' },
      nodeFlags: ['--enable-source-maps', '--max-semi-space-size=4'],
    });
    expect(startCommandOf('node server/dist/main.mjs')).toEqual({ env: {}, nodeFlags: [] });
  });

  it('refuses a start script it cannot read rather than guessing', () => {
    for (const script of [
      'tsx server/main.ts',
      'node --a server/dist/main.mjs --port 3',
      'node --a extra.mjs server/dist/main.mjs',
      'nice node server/dist/main.mjs',
      'A=1 B node server/dist/main.mjs',
    ]) {
      expect(() => startCommandOf(script), script).toThrow(/must end with/);
    }
  });

  it("package.json's start settings are ones this node accepts", () => {
    const { env, nodeFlags } = startCommand();
    expect(nodeFlags).toContain('--enable-source-maps');
    // node (V8 too) exits with 9, "bad option", on a flag it does not know.
    const out = execFileSync(process.execPath, [...nodeFlags, '-p', 'process.env.MALLOC_TRIM_THRESHOLD_'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(env.MALLOC_TRIM_THRESHOLD_);
  });
});
