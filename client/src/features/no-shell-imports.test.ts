/**
 * Features and the editor are mounted by the app's shell; none of them imports it back. The shell
 * (app.tsx, the header and layout) reads navigation as data (nav.ts), so a page never needs the
 * header, and a change to the header never reaches a page: the import loop this once made is gone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHELL = ['app.tsx', 'main.tsx', 'components/AppHeader.tsx', 'components/AppShell.tsx'].map((f) => join(SRC, f));

/** The shell files a source file at `path` imports (types and dynamic imports included). */
export function shellImports(path: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .filter((spec) => {
      const target = resolve(dirname(path), spec).replace(/\.js$/, '');
      return SHELL.some((s) => s.replace(/\.tsx?$/, '') === target);
    });
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

describe('features and the editor do not import the app shell', () => {
  it('knows a shell import when it sees one', () => {
    const page = join(SRC, 'features/designs/DesignsPage.tsx');
    expect(shellImports(page, "import { AppHeader } from '../../components/AppHeader.js';")).toEqual(['../../components/AppHeader.js']);
    expect(shellImports(page, "const m = import('../../app.js');")).toEqual(['../../app.js']);
    expect(shellImports(page, "import { Modal } from '../../components/Modal.js';")).toEqual([]);
  });

  it('holds for every feature and editor file', () => {
    const files = [...sources(join(SRC, 'features')), ...sources(join(SRC, 'editor'))];
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((f) => shellImports(f, readFileSync(f, 'utf8')).map((spec) => `${relative(SRC, f)} imports ${spec}`));
    expect(offences).toEqual([]);
  });
});
