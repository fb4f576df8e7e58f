import { useRef } from 'react';
import { Icon, type IconName } from '../../components/icons.js';
import type { Tool } from '../engine/store.js';
import { useEditor, useEditorState } from './context.js';

const TOOLS: Array<{ tool: Tool; icon: IconName; label: string; key: string }> = [
  { tool: 'select', icon: 'select', label: 'Select', key: 'V' },
  { tool: 'text', icon: 'text', label: 'Text', key: 'T' },
  { tool: 'rect', icon: 'rect', label: 'Rectangle', key: 'R' },
  { tool: 'ellipse', icon: 'ellipse', label: 'Ellipse', key: 'O' },
  { tool: 'line', icon: 'line', label: 'Line', key: 'L' },
];

export function ToolRail() {
  const { editor } = useEditor();
  const tool = useEditorState((s) => s.tool);
  const file = useRef<HTMLInputElement>(null);
  const disabled = !editor.canEdit;
  return (
    <nav className="tool-rail" aria-label="Tools">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          className={`tool-btn${tool === t.tool ? ' active' : ''}`}
          onClick={() => editor.setTool(t.tool)}
          disabled={disabled && t.tool !== 'select'}
          title={`${t.label} (${t.key})`}
          aria-label={t.label}
          aria-pressed={tool === t.tool}
          data-testid={`tool-${t.tool}`}
        >
          <Icon name={t.icon} size={20} />
        </button>
      ))}
      <button
        className="tool-btn"
        onClick={() => file.current?.click()}
        disabled={disabled}
        title="Upload image"
        aria-label="Upload image"
        data-testid="tool-image"
      >
        <Icon name="image" size={20} />
      </button>
      <input
        ref={file}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hidden
        data-testid="image-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void editor.addImageFile(f);
          e.target.value = '';
        }}
      />
    </nav>
  );
}
