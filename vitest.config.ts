import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { defineConfig } from 'vitest/config';

const TESTS = ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'templates/**/*.test.ts', 'bench/**/*.test.ts'];
const IGNORED = ['**/node_modules/**', '**/dist/**', '**/peers/**'];

/**
 * Two projects: `unit` (pure code, seconds: `npx vitest run --project unit`) and `integration`
 * (real PostgreSQL, Redis, servers, browsers, child processes). A test file is an integration test
 * when it reaches for one of those, so a new file lands in the right project without a list to keep.
 */
const REAL_SERVICES =
  /test-support\/(?:databases|server|processes|postgres-cluster|smtp|photo-server|raw-collab|clients|identity|poppler)|from 'pg'|from 'ioredis'|playwright|chromium|startTestServer|freshPostgres|child_process|TEST_REDIS_URL|\.\/scenario\.js/;
const files = globSync(TESTS, { ignore: IGNORED });
const integration = files.filter((file) => REAL_SERVICES.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites share one PostgreSQL and one Redis; each makes its own schema or key prefix.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: TESTS, exclude: [...IGNORED, ...integration] } },
      { extends: true, test: { name: 'integration', include: integration.length ? integration : ['<none>'], exclude: IGNORED } },
    ],
  },
});
