import { memo, useRef } from 'react';
import type { DesignObject, TextObject } from '../../../../shared/design/index.js';
import { Icon, type IconName } from '../../components/icons.js';
import { ALL_WEIGHTS, fontOptions } from '../engine/fonts.js';
import { sameApartFromGeometry } from '../engine/stable.js';
import { layerLabel } from '../engine/store.js';
import { ColorPicker } from './ColorPicker.js';
import { useEditor, useEditorState } from './context.js';
import { NumberField, Section } from './fields.js';
import { FontPicker } from './FontPicker.js';

// A drag changes only geometry, which GeometrySection shows: the other sections keep their render.
const sameObjects = (a: { objs: DesignObject[] }, b: { objs: DesignObject[] }): boolean =>
  a.objs.length === b.objs.length && a.objs.every((o, i) => sameApartFromGeometry(o, b.objs[i]));
const sameObject = (a: { o: DesignObject }, b: { o: DesignObject }): boolean => sameApartFromGeometry(a.o, b.o);

function IconButton({
  icon,
  label,
  onClick,
  disabled,
  active,
  testId,
}: {
  icon: IconName;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  testId?: string;
}) {
  return (
    <button
      className={`icon-btn${active ? ' active' : ''}`}
      title={label}
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active}
      data-testid={testId}
    >
      <Icon name={icon} size={17} />
    </button>
  );
}

function PageProperties() {
  const { editor } = useEditor();
  const meta = useEditorState((s) => s.meta);
  if (!meta) return null;
  return (
    <>
      <Section title="Page">
        <div className="kv">
          <span>Size</span>
          <strong>
            {Math.round(meta.width)} × {Math.round(meta.height)} px
            <span className="muted">
              {' '}
              · {(meta.width / 96).toFixed(2)}″ × {(meta.height / 96).toFixed(2)}″
            </span>
          </strong>
        </div>
        {editor.canEdit && (
          <ColorPicker label="Background" value={meta.background} onChange={(hex) => hex && editor.setMeta({ background: hex })} />
        )}
      </Section>
      <div className="panel-empty">
        <p>
          {editor.canEdit
            ? 'Select an object to edit it, or add one from the toolbar.'
            : 'You can view this design. Ask its owner to share it with you to edit.'}
        </p>
        <p className="muted">Press ? for keyboard shortcuts.</p>
      </div>
    </>
  );
}

const ArrangeSection = memo(function ArrangeSection({ count }: { count: number }) {
  const { editor } = useEditor();
  return (
    <Section title="Arrange">
      <div className="btn-row">
        <IconButton icon="forward" label="Bring forward (Ctrl+])" onClick={() => editor.bringForward()} testId="bring-forward" />
        <IconButton icon="backward" label="Send backward (Ctrl+[)" onClick={() => editor.sendBackward()} testId="send-backward" />
        <button className="btn btn-small" onClick={() => editor.bringToFront()}>
          To front
        </button>
        <button className="btn btn-small" onClick={() => editor.sendToBack()}>
          To back
        </button>
        <div className="spacer" />
        <IconButton icon="copy" label="Duplicate (Ctrl+D)" onClick={() => editor.duplicate()} testId="duplicate" />
        <IconButton icon="trash" label="Delete (Del)" onClick={() => editor.deleteSelection()} testId="delete" />
      </div>
      <div className="btn-row" aria-label={count === 1 ? 'Align to page' : 'Align selection'}>
        <IconButton icon="alignLeft" label="Align left" onClick={() => editor.align('left')} />
        <IconButton icon="alignHCenter" label="Align centre" onClick={() => editor.align('hcenter')} />
        <IconButton icon="alignRight" label="Align right" onClick={() => editor.align('right')} />
        <IconButton icon="alignTop" label="Align top" onClick={() => editor.align('top')} />
        <IconButton icon="alignVCenter" label="Align middle" onClick={() => editor.align('vcenter')} />
        <IconButton icon="alignBottom" label="Align bottom" onClick={() => editor.align('bottom')} />
        {count >= 3 && (
          <>
            <IconButton icon="distH" label="Distribute horizontally" onClick={() => editor.distribute('x')} />
            <IconButton icon="distV" label="Distribute vertically" onClick={() => editor.distribute('y')} />
          </>
        )}
      </div>
      <p className="hint">{count === 1 ? 'Aligns to the page.' : 'Aligns to the selection.'}</p>
    </Section>
  );
});

function GeometrySection({ o }: { o: DesignObject }) {
  const { editor } = useEditor();
  // Locked objects stay put for everyone until a brand manager unlocks them.
  const set = (patch: Record<string, unknown>) => !o.locked && editor.setProps([o.id], patch);
  return (
    <Section title="Position">
      <div className="grid-2">
        <NumberField label="X" value={o.x} onCommit={(x) => set({ x })} testId="prop-x" disabled={!!o.locked} />
        <NumberField label="Y" value={o.y} onCommit={(y) => set({ y })} testId="prop-y" disabled={!!o.locked} />
        <NumberField label="W" value={o.width} min={1} onCommit={(width) => set({ width })} testId="prop-width" disabled={!!o.locked} />
        {o.type === 'text' ? (
          <NumberField label="H" value={o.height} disabled onCommit={() => {}} />
        ) : (
          <NumberField
            label="H"
            value={o.height}
            min={o.type === 'line' ? 0 : 1}
            onCommit={(height) => set({ height })}
            testId="prop-height"
            disabled={!!o.locked}
          />
        )}
        <NumberField
          label="∠"
          value={o.angle}
          suffix="°"
          onCommit={(a) => set({ angle: ((a % 360) + 360) % 360 })}
          testId="prop-angle"
          disabled={!!o.locked}
        />
        <NumberField
          label="Opacity"
          value={Math.round((o.opacity ?? 1) * 100)}
          min={0}
          max={100}
          suffix="%"
          onCommit={(v) => set({ opacity: v / 100 })}
        />
      </div>
    </Section>
  );
}

const ALIGNS: Array<{ v: TextObject['textAlign']; icon: IconName; label: string }> = [
  { v: 'left', icon: 'textLeft', label: 'Align text left' },
  { v: 'center', icon: 'textCenter', label: 'Centre text' },
  { v: 'right', icon: 'textRight', label: 'Align text right' },
  { v: 'justify', icon: 'textJustify', label: 'Justify text' },
];

const TextSection = memo(function TextSection({ objs }: { objs: TextObject[] }) {
  const { editor, kit } = useEditor();
  const o = objs[0];
  const ids = objs.map((x) => x.id);
  const set = (patch: Record<string, unknown>) => editor.setProps(ids, patch);
  const font = fontOptions(kit).find((f) => f.family === o.fontFamily);
  const brandWeights = font?.brand ? font.weights : ALL_WEIGHTS;
  const weight = typeof o.fontWeight === 'number' ? o.fontWeight : o.fontWeight === 'bold' ? 700 : Number(o.fontWeight) || 400;
  const weights = [...new Set([...brandWeights, weight])].sort((a, b) => a - b);
  const minSize = kit?.fonts.find((f) => f.family === o.fontFamily)?.minSize;
  return (
    <Section title="Text">
      <FontPicker value={o.fontFamily} onChange={(fontFamily) => set({ fontFamily })} />
      <div className="grid-2">
        <NumberField label="Size" value={o.fontSize} min={1} max={1000} onCommit={(fontSize) => set({ fontSize })} testId="font-size" />
        <label className="num-field">
          <span>Weight</span>
          <select value={weight} onChange={(e) => set({ fontWeight: Number(e.target.value) })} data-testid="font-weight">
            {weights.map((w) => (
              <option key={w} value={w}>
                {w}
                {font?.brand && !brandWeights.includes(w) ? ' (off-brand)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {minSize !== undefined && o.fontSize < minSize && <p className="warn">Below the brand minimum of {minSize}px for this font.</p>}
      <div className="btn-row">
        {ALIGNS.map((a) => (
          <IconButton
            key={a.v}
            icon={a.icon}
            label={a.label}
            active={o.textAlign === a.v}
            onClick={() => set({ textAlign: a.v })}
            testId={`text-align-${a.v}`}
          />
        ))}
        <button
          className={`icon-btn${o.fontStyle === 'italic' ? ' active' : ''}`}
          title="Italic"
          aria-label="Italic"
          aria-pressed={o.fontStyle === 'italic'}
          onClick={() => set({ fontStyle: o.fontStyle === 'italic' ? 'normal' : 'italic' })}
        >
          <em style={{ fontFamily: 'Georgia, serif', fontSize: 16 }}>I</em>
        </button>
      </div>
      <NumberField
        label="Line height"
        value={o.lineHeight ?? 1.16}
        min={0.5}
        max={4}
        step={0.05}
        onCommit={(lineHeight) => set({ lineHeight })}
      />
      <ColorPicker label="Colour" value={o.fill} onChange={(fill) => fill && set({ fill })} />
    </Section>
  );
}, sameObjects);

const ShapeSection = memo(function ShapeSection({ objs }: { objs: DesignObject[] }) {
  const { editor } = useEditor();
  const ids = objs.map((x) => x.id);
  const set = (patch: Record<string, unknown>) => editor.setProps(ids, patch);
  const o = objs[0];
  if (o.type === 'line') {
    return (
      <Section title="Line">
        <ColorPicker label="Stroke" value={o.stroke} onChange={(stroke) => stroke && set({ stroke })} />
        <NumberField label="Weight" value={o.strokeWidth} min={0} max={200} onCommit={(strokeWidth) => set({ strokeWidth })} />
      </Section>
    );
  }
  if (o.type !== 'rect' && o.type !== 'ellipse') return null;
  return (
    <Section title="Fill & stroke">
      <ColorPicker label="Fill" value={o.fill} onChange={(fill) => set({ fill: fill ?? 'transparent' })} allowNone />
      <ColorPicker
        label="Stroke"
        value={o.stroke}
        onChange={(stroke) => set({ stroke, strokeWidth: stroke ? (o.strokeWidth ?? 2) || 2 : 0 })}
        allowNone
      />
      <div className="grid-2">
        <NumberField label="Stroke" value={o.strokeWidth ?? 0} min={0} max={200} onCommit={(strokeWidth) => set({ strokeWidth })} />
        {o.type === 'rect' && <NumberField label="Radius" value={o.radius ?? 0} min={0} onCommit={(radius) => set({ radius })} />}
      </div>
    </Section>
  );
}, sameObjects);

const ImageSection = memo(function ImageSection({ o }: { o: Extract<DesignObject, { type: 'image' }> }) {
  const { editor } = useEditor();
  const file = useRef<HTMLInputElement>(null);
  const may = editor.canEdit && (!o.locked || editor.canLock);
  return (
    <Section title="Image">
      {may && (
        <>
          <button className="btn btn-block" onClick={() => file.current?.click()} data-testid="replace-image">
            <Icon name="image" size={16} /> {o.src ? 'Replace image…' : 'Add photo…'}
          </button>
          <input
            ref={file}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            hidden
            data-testid="replace-image-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void editor.replaceImage(o.id, f);
              e.target.value = '';
            }}
          />
          <div style={{ height: 10 }} />
        </>
      )}
      <label className="field">
        <span>Fit</span>
        <select value={o.fit ?? 'fill'} onChange={(e) => editor.setProps([o.id], { fit: e.target.value })}>
          <option value="cover">Fill frame (crop)</option>
          <option value="contain">Fit inside frame</option>
          <option value="fill">Stretch</option>
        </select>
      </label>
      {o.naturalWidth && o.naturalHeight && (
        <div className="kv">
          <span>Source</span>
          <strong>
            {o.naturalWidth} × {o.naturalHeight} px
          </strong>
        </div>
      )}
    </Section>
  );
}, sameObject);

const LockSection = memo(function LockSection({ objs }: { objs: DesignObject[] }) {
  const { editor } = useEditor();
  const locked = objs.every((o) => o.locked);
  if (!editor.canLock) return null;
  return (
    <Section title="Brand lock">
      <button
        className={`btn btn-block${locked ? ' btn-warn' : ''}`}
        onClick={() =>
          editor.setProps(
            objs.map((o) => o.id),
            { locked: !locked },
          )
        }
        data-testid="toggle-lock"
      >
        <Icon name={locked ? 'unlock' : 'lock'} size={16} /> {locked ? 'Unlock for agents' : 'Lock for agents'}
      </button>
      <p className="hint">{locked ? 'Agents cannot move, edit or delete this.' : 'Locked objects cannot be changed by agents.'}</p>
    </Section>
  );
}, sameObjects);

export function PropertiesPanel() {
  const selected = useEditorState((s) => s.selected);
  const { editor } = useEditor();
  if (selected.length === 0) return <PageProperties />;
  const first = selected[0];
  const sameType = selected.every((o) => o.type === first.type);
  const lockedForMe = selected.some((o) => o.locked);
  return (
    <div className="props" data-testid="properties">
      <div className="props-title">
        <strong>{selected.length === 1 ? layerLabel(first) : `${selected.length} objects`}</strong>
        {first.role && selected.length === 1 && <span className="pill">{first.role}</span>}
      </div>
      {lockedForMe && (
        <div className="lock-note">
          <Icon name="lock" size={14} /> {editor.canLock ? 'Locked for agents. Unlock to move or resize.' : 'Locked by your brand manager.'}
        </div>
      )}
      {editor.canEdit && <ArrangeSection count={selected.length} />}
      {selected.length === 1 && <GeometrySection o={first} />}
      {sameType && first.type === 'text' && <TextSection objs={selected as TextObject[]} />}
      {sameType && (first.type === 'rect' || first.type === 'ellipse' || first.type === 'line') && <ShapeSection objs={selected} />}
      {selected.length === 1 && first.type === 'image' && <ImageSection o={first} />}
      <LockSection objs={selected} />
    </div>
  );
}
