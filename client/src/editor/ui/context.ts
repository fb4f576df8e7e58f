import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { BrandKit } from '../../../../shared/brand/index.js';
import type { DesignInfo } from '../../api.js';
import type { Editor } from '../engine/editor.js';
import type { EditorState } from '../engine/store.js';

export interface EditorContextValue {
  editor: Editor;
  /** The design's record (kind, access) as the server sent it. */
  info: DesignInfo;
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

/**
 * Subscribe to one slice of the editor state. Selectors return stored references or primitives,
 * or, with `isEqual`, a value derived afresh: the component re-renders only when it differs
 * (a panel that shows the selected text's words needs no render on each frame of its drag).
 */
export function useEditorState<T>(select: (s: EditorState) => T, isEqual?: (a: T, b: T) => boolean): T {
  const { editor } = useEditor();
  const last = useRef<{ value: T } | null>(null);
  return useSyncExternalStore(editor.store.subscribe, () => {
    const next = select(editor.store.get());
    const prev = last.current;
    if (prev && (Object.is(prev.value, next) || isEqual?.(prev.value, next))) return prev.value;
    last.current = { value: next };
    return next;
  });
}
