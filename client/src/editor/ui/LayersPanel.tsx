import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import { Icon, type IconName } from '../../components/icons.js';
import type { LayerItem } from '../engine/store.js';
import { useEditor, useEditorState } from './context.js';
import { LAYER_ROW_PX, layerKey, layerWindow, nextLayer } from './layer-window.js';

const TYPE_ICON: Record<LayerItem['type'], IconName> = { text: 'text', image: 'image', rect: 'rect', ellipse: 'ellipse', line: 'line' };

// Rows keep their layer objects across refreshes (see stable.ts): only a changed row re-renders.
const LayerRow = memo(function LayerRow({ layer, selected }: { layer: LayerItem; selected: boolean }) {
  const { editor } = useEditor();
  const [editing, setEditing] = useState(false);
  const mayChange = editor.canEdit && (!layer.locked || editor.canLock);
  const selection = () => editor.store.get().selection;
  return (
    <li
      className={`layer${selected ? ' selected' : ''}${layer.visible ? '' : ' hidden-layer'}`}
      data-testid="layer"
      data-object-id={layer.id}
      onClick={(e) => {
        if (!mayChange) return;
        const cur = selection();
        if (e.shiftKey || e.metaKey || e.ctrlKey)
          editor.select(cur.includes(layer.id) ? cur.filter((id) => id !== layer.id) : [...cur, layer.id]);
        else editor.select([layer.id]);
      }}
    >
      <span className="layer-icon">
        <Icon name={TYPE_ICON[layer.type]} size={15} />
      </span>
      {editing ? (
        <input
          className="layer-name-input"
          autoFocus
          defaultValue={layer.label}
          onClick={(e) => e.stopPropagation()}
          onBlur={(e) => {
            setEditing(false);
            const name = e.target.value.trim();
            if (name !== layer.label) editor.setProps([layer.id], { name: name || undefined });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <span
          className="layer-name"
          title={mayChange ? 'Double-click to rename' : layer.label}
          onDoubleClick={() => mayChange && setEditing(true)}
        >
          {layer.label}
        </span>
      )}
      {layer.locked &&
        (editor.canLock ? (
          <button
            className="icon-btn layer-btn on"
            title="Unlock for agents"
            aria-label={`Unlock ${layer.label}`}
            onClick={(e) => (e.stopPropagation(), editor.setProps([layer.id], { locked: false }))}
          >
            <Icon name="lock" size={14} />
          </button>
        ) : (
          <span className="layer-btn on" title="Locked by your brand manager" data-testid="layer-locked">
            <Icon name="lock" size={14} />
          </span>
        ))}
      {!layer.locked && editor.canLock && (
        <button
          className="icon-btn layer-btn reveal"
          title="Lock for agents"
          aria-label={`Lock ${layer.label}`}
          onClick={(e) => (e.stopPropagation(), editor.setProps([layer.id], { locked: true }))}
        >
          <Icon name="unlock" size={14} />
        </button>
      )}
      {mayChange && (
        <button
          className={`icon-btn layer-btn${layer.visible ? ' reveal' : ' on'}`}
          title={layer.visible ? 'Hide' : 'Show'}
          aria-label={`${layer.visible ? 'Hide' : 'Show'} ${layer.label}`}
          onClick={(e) => (e.stopPropagation(), editor.setProps([layer.id], { visible: !layer.visible }))}
        >
          <Icon name={layer.visible ? 'eye' : 'eyeOff'} size={14} />
        </button>
      )}
    </li>
  );
});

export function LayersPanel() {
  const layers = useEditorState((s) => s.layers);
  const selection = useEditorState((s) => s.selection);
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600 });
  const empty = layers.length === 0;
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const measure = () =>
      setView((v) =>
        v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [empty]);
  const { start, end } = layerWindow(layers.length, view.scrollTop, view.height);
  const { editor } = useEditor();
  const hintId = useId();
  return (
    <div className="layers">
      <p id={hintId} className="sr-only">
        Up and down arrows choose a layer, Enter edits its text.
      </p>
      <header className="panel-head">
        <h3>Layers</h3>
        <span className="muted">{layers.length}</span>
      </header>
      {empty ? (
        <p className="panel-empty">This design is empty. Add text, shapes or an image from the toolbar.</p>
      ) : (
        <ul
          className="layer-list"
          data-testid="layers"
          ref={list}
          tabIndex={0}
          aria-label="Layers"
          aria-describedby={hintId}
          onKeyDown={(e) => {
            const move = layerKey(e.key);
            if (move === null) return;
            // The list's keys, not the canvas's (arrows would otherwise nudge the selection).
            e.preventDefault();
            e.stopPropagation();
            const ids = selection;
            if (move === 'edit') {
              const only = ids.length === 1 ? layers.find((l) => l.id === ids[0]) : undefined;
              if (only?.type === 'text') editor.editText(only.id);
              return;
            }
            const choosable = layers.filter((l) => editor.canEdit && (!l.locked || editor.canLock));
            const next = nextLayer(
              choosable.map((l) => l.id),
              ids.length === 1 ? ids[0]! : null,
              move,
            );
            if (next) {
              editor.select([next]);
              const row = layers.findIndex((l) => l.id === next);
              const el = list.current;
              if (el && row >= 0) {
                const top = row * LAYER_ROW_PX;
                if (top < el.scrollTop) el.scrollTop = top;
                else if (top + LAYER_ROW_PX > el.scrollTop + el.clientHeight) el.scrollTop = top + LAYER_ROW_PX - el.clientHeight;
              }
            }
          }}
        >
          {start > 0 && <li aria-hidden="true" style={{ height: start * LAYER_ROW_PX }} />}
          {layers.slice(start, end).map((l) => (
            <LayerRow key={l.id} layer={l} selected={selection.includes(l.id)} />
          ))}
          {end < layers.length && <li aria-hidden="true" style={{ height: (layers.length - end) * LAYER_ROW_PX }} />}
        </ul>
      )}
    </div>
  );
}
