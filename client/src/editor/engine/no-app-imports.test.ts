/**
 * The editor engine stands apart from the app: it imports only shared/, Yjs and its network and
 * storage providers, and fabric. Uploads, the session's renewal and anything else of the app come
 * in through EditorOptions. This test reads every engine file's imports (types included) and names
 * each one outside that set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(ENGINE, '../../../../shared');
/** The template library (design documents, no app code): test files may open its templates. */
const TEMPLATES = resolve(ENGINE, '../../../../templates');

/** Packages the engine may use: the canvas, the CRDT and its providers (and the binary coder they share). */
const PACKAGES = [/^fabric$/, /^yjs$/, /^y-protocols\//, /^y-websocket$/, /^y-indexeddb$/, /^lib0\//];
/** Test files may also use the test runner and Node's own modules. */
const TEST_PACKAGES = [/^vitest$/, /^node:/, /^typescript$/];

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);

/** Every module specifier a file imports or re-exports, static or dynamic, types included. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The imports of a file at `path` that the engine may not have. */
export function forbiddenImports(path: string, source: string): string[] {
  const test = /\.test\.tsx?$/.test(path);
  return importsOf(source).filter((spec) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(path), spec);
      return !inside(ENGINE, target) && !inside(SHARED, target) && !(test && inside(TEMPLATES, target));
    }
    return !PACKAGES.some((p) => p.test(spec)) && !(test && TEST_PACKAGES.some((p) => p.test(spec)));
  });
}

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return engineFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

describe('the editor engine imports no app code', () => {
  it('knows an app import when it sees one', () => {
    const file = join(ENGINE, 'editor.ts');
    expect(forbiddenImports(file, "import { api } from '../../api.js';")).toEqual(['../../api.js']);
    expect(forbiddenImports(file, "import type { User } from '../../api.js';")).toEqual(['../../api.js']);
    expect(forbiddenImports(file, "const m = await import('../ui/TopBar.js');")).toEqual(['../ui/TopBar.js']);
    expect(forbiddenImports(file, "export { Icon } from '../../components/icons.js';")).toEqual(['../../components/icons.js']);
    expect(forbiddenImports(file, "import { useState } from 'react';")).toEqual(['react']);
    expect(forbiddenImports(file, "import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(
      forbiddenImports(
        file,
        "import * as Y from 'yjs';\nimport { Canvas } from 'fabric';\nimport { WebsocketProvider } from 'y-websocket';\nimport type { Awareness } from 'y-protocols/awareness';\nimport { objectsMap } from '../../../../shared/design/index.js';\nimport { round2 } from './convert.js';",
      ),
    ).toEqual([]);
  });

  it('holds for every engine file', () => {
    const files = engineFiles();
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((f) =>
      forbiddenImports(f, readFileSync(f, 'utf8')).map((spec) => `${relative(ENGINE, f)} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });
});
