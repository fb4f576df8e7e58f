import { describe, expect, it } from 'vitest';
import { testOnlyModules } from './test-only.js';

describe('testOnlyModules', () => {
  it('names test files and test-support modules, and nothing of the product or of packages', () => {
    expect(
      testOnlyModules([
        '/app/server/main.ts',
        '/app/server/listings/importer.ts',
        '/app/server/test-support/reso-fixtures/index.ts',
        '/app/shared/design/test-support/v0.ts',
        '/app/server/listings/importer.test.ts',
        'C:\\app\\client\\src\\editor\\engine\\test-support\\test-engine.ts',
        '/app/bench/client.ts',
        '/app/node_modules/some-lib/test-support/x.js',
        '/app/shared/contest.ts',
      ]),
    ).toEqual([
      '/app/server/test-support/reso-fixtures/index.ts',
      '/app/shared/design/test-support/v0.ts',
      '/app/server/listings/importer.test.ts',
      'C:\\app\\client\\src\\editor\\engine\\test-support\\test-engine.ts',
      '/app/bench/client.ts',
    ]);
  });
});
