/**
 * What is for tests only and must never ship: test files, and test data and helpers, which live in
 * `test-support/` folders (docs/ARCHITECTURE.md, "Tests and their data"). Both builds (server/build.ts,
 * vite.config.ts) refuse a bundle that contains any of it.
 */
export const TEST_ONLY = /(^|[\\/])(test-support|e2e|bench)[\\/]|\.test\.tsx?$/;

/** The modules of a bundle that are for tests only (none, for a good build). */
export function testOnlyModules(ids: Iterable<string>): string[] {
  return [...ids].filter((id) => !id.includes('node_modules') && TEST_ONLY.test(id));
}
