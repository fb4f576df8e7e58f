import { describe, expect, it } from 'vitest';
import { documentBoundaryMove } from './text-keys.js';

const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('documentBoundaryMove', () => {
  it.each([
    ['Ctrl+End goes to the end of the whole text', k('End', { ctrlKey: true }), { start: 3, end: 3 }, 3, { start: 20, end: 20 }],
    ['Ctrl+Home goes to the start', k('Home', { ctrlKey: true }), { start: 12, end: 12 }, 12, { start: 0, end: 0 }],
    ['⌘↓ goes to the end', k('ArrowDown', { metaKey: true }), { start: 5, end: 5 }, 5, { start: 20, end: 20 }],
    ['Ctrl+Shift+End selects to the end', k('End', { ctrlKey: true, shiftKey: true }), { start: 4, end: 4 }, 4, { start: 4, end: 20 }],
    ['Ctrl+Shift+Home selects to the start', k('Home', { ctrlKey: true, shiftKey: true }), { start: 9, end: 9 }, 9, { start: 0, end: 9 }],
  ])('%s', (_name, key, sel, anchor, want) => {
    expect(documentBoundaryMove(key, sel, 20, anchor)).toEqual(want);
  });

  it.each([k('End'), k('Home'), k('ArrowDown'), k('a', { ctrlKey: true }), k('End', { ctrlKey: true, altKey: true })])(
    'leaves %o to fabric',
    (key) => {
      expect(documentBoundaryMove(key, { start: 3, end: 3 }, 20, 3)).toBeNull();
    },
  );
});
