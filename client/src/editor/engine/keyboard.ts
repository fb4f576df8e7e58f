/** Keyboard shortcuts and clipboard events for the editor. */
import type { Canvas } from 'fabric';
import type { CanvasBinding } from './binding.js';
import type { Tool } from './store.js';
import { isFormField } from './viewport.js';

export interface Shortcut {
  keys: string;
  label: string;
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Shown in the shortcuts dialog. */
export const SHORTCUTS: Array<{ group: string; items: Shortcut[] }> = [
  {
    group: 'Tools',
    items: [
      { keys: 'V', label: 'Select' },
      { keys: 'T', label: 'Text' },
      { keys: 'R', label: 'Rectangle' },
      { keys: 'O', label: 'Ellipse' },
      { keys: 'L', label: 'Line' },
      { keys: 'Enter', label: 'Edit selected text' },
      { keys: 'Esc', label: 'Deselect / back to Select' },
    ],
  },
  {
    group: 'Edit',
    items: [
      { keys: `${MOD}+Z`, label: 'Undo' },
      { keys: `${MOD}+Shift+Z`, label: 'Redo' },
      { keys: `${MOD}+C / X / V`, label: 'Copy / cut / paste' },
      { keys: `${MOD}+D`, label: 'Duplicate' },
      { keys: 'Delete', label: 'Delete' },
      { keys: `${MOD}+A`, label: 'Select all' },
      { keys: 'Arrows', label: 'Nudge 1px (Shift: 10px)' },
      { keys: 'Shift+click', label: 'Add to selection' },
    ],
  },
  {
    group: 'Arrange',
    items: [
      { keys: `${MOD}+]`, label: 'Bring forward' },
      { keys: `${MOD}+[`, label: 'Send backward' },
      { keys: `${MOD}+Shift+]`, label: 'Bring to front' },
      { keys: `${MOD}+Shift+[`, label: 'Send to back' },
    ],
  },
  {
    group: 'View',
    items: [
      { keys: 'Shift+1', label: 'Zoom to fit' },
      { keys: 'Shift+0', label: 'Zoom to 100%' },
      { keys: `${MOD}+ + / −`, label: 'Zoom in / out' },
      { keys: `${MOD}+scroll / pinch`, label: 'Zoom at pointer' },
      { keys: 'Space+drag', label: 'Pan (or middle mouse button)' },
      { keys: 'PageUp / PageDown', label: 'Previous / next page' },
      { keys: '?', label: 'Keyboard shortcuts' },
    ],
  },
];

/** The editor's commands the shortcuts call (the Editor has them; named here so this file needs no import of it). */
export interface KeyboardCommands {
  readonly canvas: Pick<Canvas, 'getActiveObject' | 'requestRenderAll'>;
  readonly binding: Pick<CanvasBinding, 'isEditingText' | 'selectedIds' | 'model'>;
  readonly canEdit: boolean;
  undo(): void;
  redo(): void;
  duplicate(): void;
  selectAll(): void;
  bringForward(): void;
  bringToFront(): void;
  sendBackward(): void;
  sendToBack(): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomFit(): void;
  zoom100(): void;
  deleteSelection(): void;
  nextPage(): void;
  prevPage(): void;
  nudge(dx: number, dy: number): void;
  setTool(tool: Tool): void;
  select(ids: string[]): void;
  editText(id: string): void;
  clipboardPayload(): string | null;
  pastePayload(text: string): boolean;
  paste(): void;
  addImageFile(file: File): Promise<void>;
}

export function installKeyboard(editor: KeyboardCommands, onHelp?: () => void): () => void {
  const typing = (e: Event) => isFormField(e.target) || editor.binding.isEditingText();

  const keydown = (e: KeyboardEvent) => {
    if (typing(e)) {
      if (e.key === 'Escape' && editor.binding.isEditingText()) {
        const a = editor.canvas.getActiveObject() as unknown as { exitEditing?: () => void };
        a?.exitEditing?.();
        editor.canvas.requestRenderAll();
      }
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    let handled = true;
    if (mod && k === 'z' && !e.shiftKey) editor.undo();
    else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) editor.redo();
    else if (mod && k === 'd') editor.duplicate();
    else if (mod && k === 'a') editor.selectAll();
    else if (mod && (e.key === ']' || e.code === 'BracketRight')) e.shiftKey ? editor.bringToFront() : editor.bringForward();
    else if (mod && (e.key === '[' || e.code === 'BracketLeft')) e.shiftKey ? editor.sendToBack() : editor.sendBackward();
    else if (mod && (e.key === '=' || e.key === '+')) editor.zoomIn();
    else if (mod && e.key === '-') editor.zoomOut();
    else if (mod && e.key === '0') editor.zoomFit();
    else if (mod) handled = false;
    else if (e.key === 'Delete' || e.key === 'Backspace') editor.deleteSelection();
    else if (e.key === 'PageDown') editor.nextPage();
    else if (e.key === 'PageUp') editor.prevPage();
    else if (e.key.startsWith('Arrow')) {
      const step = e.shiftKey ? 10 : 1;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      editor.nudge(dx, dy);
    } else if (e.key === 'Escape') {
      editor.setTool('select');
      editor.select([]);
    } else if (e.key === 'Enter') {
      const ids = editor.binding.selectedIds();
      if (ids.length === 1 && editor.binding.model(ids[0])?.type === 'text') editor.editText(ids[0]);
      else handled = false;
    } else if (e.key === '!' || (e.shiftKey && e.code === 'Digit1')) editor.zoomFit();
    else if (e.key === ')' || (e.shiftKey && e.code === 'Digit0')) editor.zoom100();
    else if (e.key === '?') onHelp?.();
    else if (!e.shiftKey && !e.altKey && k === 'v') editor.setTool('select');
    else if (!e.shiftKey && !e.altKey && k === 't') editor.setTool('text');
    else if (!e.shiftKey && !e.altKey && k === 'r') editor.setTool('rect');
    else if (!e.shiftKey && !e.altKey && (k === 'o' || k === 'e')) editor.setTool('ellipse');
    else if (!e.shiftKey && !e.altKey && k === 'l') editor.setTool('line');
    else handled = false;
    if (handled) e.preventDefault();
  };

  const copy = (e: ClipboardEvent) => {
    if (typing(e)) return;
    const payload = editor.clipboardPayload();
    if (payload && e.clipboardData) {
      e.clipboardData.setData('text/plain', payload);
      e.preventDefault();
    }
  };
  const cut = (e: ClipboardEvent) => {
    if (typing(e)) return;
    copy(e);
    editor.deleteSelection();
  };
  const paste = (e: ClipboardEvent) => {
    if (typing(e) || !editor.canEdit) return;
    const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (files.length) {
      e.preventDefault();
      files.forEach((f) => void editor.addImageFile(f));
      return;
    }
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text && editor.pastePayload(text)) e.preventDefault();
    else if (!text) {
      e.preventDefault();
      editor.paste();
    }
  };

  window.addEventListener('keydown', keydown);
  document.addEventListener('copy', copy);
  document.addEventListener('cut', cut);
  document.addEventListener('paste', paste);
  return () => {
    window.removeEventListener('keydown', keydown);
    document.removeEventListener('copy', copy);
    document.removeEventListener('cut', cut);
    document.removeEventListener('paste', paste);
  };
}
