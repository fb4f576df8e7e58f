import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useEditor, useEditorState } from './context.js';

interface Item {
  label: string;
  keys?: string;
  run: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/** Right-click menu on the canvas. */
export function ContextMenu() {
  const { editor } = useEditor();
  const menu = useEditorState((s) => s.menu);
  const selected = useEditorState((s) => s.selected);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const close = () => editor.store.set({ menu: null });

  useEffect(() => {
    if (!menu) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', close);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [menu]);

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    if (!menu || !ref.current) return setPos(null);
    const r = ref.current.getBoundingClientRect();
    setPos({ left: Math.min(menu.x, window.innerWidth - r.width - 8), top: Math.min(menu.y, window.innerHeight - r.height - 8) });
  }, [menu]);

  if (!menu) return null;
  const any = selected.length > 0;
  const changeable = selected.filter((o) => !o.locked || editor.canLock);
  const locked = any && selected.every((o) => o.locked);
  const mod = /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  const groups: Item[][] = [
    [
      ...(selected.length === 1 && selected[0].type === 'text' && changeable.length
        ? [{ label: 'Edit text', keys: 'Enter', run: () => editor.editText(selected[0].id) }]
        : []),
      { label: 'Cut', keys: `${mod}X`, run: () => editor.cut(), disabled: !changeable.length },
      { label: 'Copy', keys: `${mod}C`, run: () => editor.copy(), disabled: !any },
      { label: 'Paste', keys: `${mod}V`, run: () => editor.paste(), disabled: !editor.hasClipboard },
      { label: 'Duplicate', keys: `${mod}D`, run: () => editor.duplicate(), disabled: !changeable.length },
    ],
    [
      { label: 'Bring forward', keys: `${mod}]`, run: () => editor.bringForward(), disabled: !changeable.length },
      { label: 'Send backward', keys: `${mod}[`, run: () => editor.sendBackward(), disabled: !changeable.length },
      { label: 'Bring to front', run: () => editor.bringToFront(), disabled: !changeable.length },
      { label: 'Send to back', run: () => editor.sendToBack(), disabled: !changeable.length },
    ],
    ...(editor.canLock && any
      ? [
          [
            {
              label: locked ? 'Unlock for agents' : 'Lock for agents',
              run: () =>
                editor.setProps(
                  selected.map((o) => o.id),
                  { locked: !locked },
                ),
            },
          ],
        ]
      : []),
    [
      { label: 'Select all', keys: `${mod}A`, run: () => editor.selectAll() },
      { label: 'Delete', keys: 'Del', run: () => editor.deleteSelection(), disabled: !changeable.length, danger: true },
    ],
  ];
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      style={pos ?? { left: menu.x, top: menu.y, visibility: 'hidden' }}
      data-testid="context-menu"
      onContextMenu={(e) => e.preventDefault()}
    >
      {groups.map((g, i) => (
        <div key={i} className="context-group">
          {g.map((item) => (
            <button
              key={item.label}
              role="menuitem"
              disabled={item.disabled}
              className={item.danger ? 'danger' : undefined}
              onClick={() => {
                close();
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.keys && <kbd>{item.keys}</kbd>}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
