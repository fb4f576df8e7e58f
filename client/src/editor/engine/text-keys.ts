/**
 * Keys a text box should know that fabric's text editing does not: Ctrl+Home / Ctrl+End (⌘↑ / ⌘↓
 * on a Mac) go to the start / end of the whole text, as in every editor; fabric only knows
 * Home / End for the line, so Ctrl+End left the caret mid-text and typing landed there.
 */
import type { Textbox } from 'fabric';

export interface TextSelection {
  start: number;
  end: number;
}

/** Where the selection goes for a key, or null when the key is not a document-boundary key. */
export function documentBoundaryMove(
  key: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  _sel: TextSelection,
  length: number,
  /** Where a shift-extended selection is anchored (the end the caret is not at). */
  anchor: number,
): TextSelection | null {
  if (key.altKey) return null;
  const mod = key.ctrlKey || key.metaKey;
  const toEnd = (mod && key.key === 'End') || (key.metaKey && key.key === 'ArrowDown');
  const toStart = (mod && key.key === 'Home') || (key.metaKey && key.key === 'ArrowUp');
  if (!toEnd && !toStart) return null;
  const caret = toEnd ? length : 0;
  if (!key.shiftKey) return { start: caret, end: caret };
  return { start: Math.min(anchor, caret), end: Math.max(anchor, caret) };
}

type EditableTextbox = Textbox & { _updateTextarea?: () => void; _selectionDirection?: string | null };
const watched = new WeakSet<HTMLTextAreaElement>();

/** Handles the document-boundary keys for a text box while it is being edited. */
export function watchDocumentKeys(box: Textbox): void {
  const area = box.hiddenTextarea;
  if (!area || watched.has(area)) return;
  watched.add(area);
  // Capture phase on the textarea itself: runs before fabric's own keydown listener on it.
  area.addEventListener(
    'keydown',
    (e) => {
      const t = box as EditableTextbox;
      if (!t.isEditing) return;
      const anchor = t._selectionDirection === 'left' ? t.selectionEnd : t.selectionStart;
      const next = documentBoundaryMove(e, { start: t.selectionStart, end: t.selectionEnd }, t.text.length, anchor);
      if (!next) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      t.selectionStart = next.start;
      t.selectionEnd = next.end;
      t._selectionDirection = next.start < anchor ? 'left' : 'right';
      t._updateTextarea?.();
      t.initDelayedCursor?.(true);
      t.canvas?.requestRenderAll();
    },
    { capture: true },
  );
}
