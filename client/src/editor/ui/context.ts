import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { Editor } from '../editor.js';
import type { EditorState } from '../store.js';

export interface EditorContextValue {
  editor: Editor;
  kit: BrandKit | null;
  title: string;
  /** Renames the design (server title and the document's meta title). */
  rename(title: string): Promise<void>;
  canShare: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor outside EditorContext');
  return ctx;
}

/** Subscribe to one slice of the editor state (selectors must return stored references or primitives). */
export function useEditorState<T>(select: (s: EditorState) => T): T {
  const { editor } = useEditor();
  return useSyncExternalStore(editor.store.subscribe, () => select(editor.store.get()));
}
