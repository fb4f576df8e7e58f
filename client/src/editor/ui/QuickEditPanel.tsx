/**
 * Phone quick edit: the design's editable fields as a form under the live preview. Text boxes
 * (by what they are for: price, headline, a bound listing field), photos (from the camera roll)
 * and text colours from the brand palette; locked elements are not listed. Every change is an
 * ordinary edit of the shared document, so the preview, the scores and collaborators see it live.
 */
import { useEffect, useRef, useState } from 'react';
import type { DesignObject } from '../../../../shared/design/index.js';
import { bindingLabel } from '../../features/listings/api.js';
import { useEditor, useEditorState } from './context.js';
import { ColorPicker } from './ColorPicker.js';
import { WorkflowStatus } from '../../features/review/editor/ReviewControls.js';

type TextObject = Extract<DesignObject, { type: 'text' }>;
type ImageObject = Extract<DesignObject, { type: 'image' }>;

const ROLE_LABEL: Record<string, string> = {
  headline: 'Headline',
  price: 'Price',
  address: 'Address',
  description: 'Description',
  facts: 'Facts',
  photo: 'Photo',
  'agent-photo': 'Your photo',
};

function fieldLabel(o: DesignObject, layerLabel: string | undefined): string {
  if (o.binding) return bindingLabel(o.binding);
  if (o.role && ROLE_LABEL[o.role]) return ROLE_LABEL[o.role]!;
  return layerLabel ?? (o.type === 'image' ? 'Image' : 'Text');
}

function TextField({ o, label }: { o: TextObject; label: string }) {
  const { editor } = useEditor();
  // The typed value while the field has focus: the model comes back a frame later.
  const [draft, setDraft] = useState<string | null>(null);
  const [colours, setColours] = useState(false);
  const multiline = o.text.length > 40 || o.text.includes('\n');
  const common = {
    id: `qe-${o.id}`,
    value: draft ?? o.text,
    onFocus: () => setDraft(o.text),
    onBlur: () => setDraft(null),
    'data-testid': `quick-field-${o.id}`,
  };
  const change = (text: string) => {
    setDraft(text);
    if (text.trim()) editor.setProps([o.id], { text });
  };
  return (
    <div className="quick-field">
      <div className="quick-field-head">
        <label htmlFor={`qe-${o.id}`}>{label}</label>
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={colours} onClick={() => setColours((c) => !c)}>
          Colour
        </button>
      </div>
      {multiline ? (
        <textarea className="input quick-textarea" rows={3} {...common} onChange={(e) => change(e.target.value)} />
      ) : (
        <input className="input" {...common} onChange={(e) => change(e.target.value)} />
      )}
      {colours && (
        <ColorPicker label={`${label} colour`} value={o.fill} onChange={(hex) => hex && editor.setProps([o.id], { fill: hex })} />
      )}
    </div>
  );
}

function PhotoField({ o, label }: { o: ImageObject; label: string }) {
  const { editor } = useEditor();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="quick-field quick-photo">
      <span className="quick-label">{label}</span>
      <button type="button" className="btn" onClick={() => input.current?.click()} data-testid={`quick-photo-${o.id}`}>
        {o.src ? 'Change photo' : 'Add a photo'}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hidden
        aria-label={`${label}: choose a photo`}
        data-testid={`quick-photo-input-${o.id}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void editor.replaceImage(o.id, f);
          e.target.value = '';
        }}
      />
    </div>
  );
}

export function QuickEditPanel() {
  const { editor } = useEditor();
  const layers = useEditorState((s) => s.layers);
  const meta = useEditorState((s) => s.meta);
  // Every change to the objects (here, by a peer, by a fix) re-reads the fields: the layer list
  // only changes when names or order do, not when a text does.
  const [, setVersion] = useState(0);
  useEffect(() => {
    const objects = editor.binding.objects;
    const bump = () => setVersion((v) => v + 1);
    objects.observeDeep(bump);
    return () => objects.unobserveDeep(bump);
  }, [editor]);
  const labels = new Map(layers.map((l) => [l.id, l.label]));
  // Top to bottom as on the page, so the form reads like the flyer.
  const fields = editor.binding
    .pageModels()
    .filter((o) => (o.type === 'text' || o.type === 'image') && editor.binding.canChange(o) && o.visible !== false)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  if (!editor.canEdit) {
    return (
      <section className="quick-edit" aria-label="Quick edit" data-testid="quick-edit">
        <p className="muted">You can view this design. Comments and the review are in the panels above.</p>
      </section>
    );
  }
  return (
    <section className="quick-edit" aria-label="Quick edit" data-testid="quick-edit">
      <div className="quick-head">
        <h2 className="quick-title">Quick edit</h2>
        {/* The top bar has no room for the review status on a phone. */}
        <WorkflowStatus />
      </div>
      {fields.map((o) =>
        o.type === 'text' ? (
          <TextField key={o.id} o={o as TextObject} label={fieldLabel(o, labels.get(o.id))} />
        ) : (
          <PhotoField key={o.id} o={o as ImageObject} label={fieldLabel(o, labels.get(o.id))} />
        ),
      )}
      {meta && <ColorPicker label="Background" value={meta.background} onChange={(hex) => hex && editor.setMeta({ background: hex })} />}
    </section>
  );
}
