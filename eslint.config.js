// Lint rules for the whole repository (run by `npm run lint`, part of `npm test`).
// Syntax-level rules only (no type-aware linting): `tsc` already type-checks, and this stays fast on 2 cores.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
      'bench/peers/**',
      'server/bench/peers/**',
      'client/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders in destructuring and callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `cond ? a() : b()` and `x && f()` as statements are an idiom here (key handlers, cleanup).
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // Empty catch blocks are how we say "best effort" (closing an already-closed socket); they carry a comment.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // End-to-end specs (and the editor bench, which drives the same page) reach into the page's untyped debug hook (`window.__realbrand`) inside page.evaluate.
    files: ['e2e/**/*.ts', 'bench/editor.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
