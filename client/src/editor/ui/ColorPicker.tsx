import { useEffect, useState } from 'react';
import { useEditor } from './context.js';

const HEX = /^#[0-9a-fA-F]{6}$/;
/** White and black sit with every palette. */
const NEUTRALS = [
  { name: 'White', hex: '#ffffff' },
  { name: 'Black', hex: '#000000' },
];

/** Brand palette first, then any colour. */
export function ColorPicker({
  label,
  value,
  onChange,
  allowNone = false,
}: {
  label: string;
  value: string | undefined;
  onChange: (hex: string | undefined) => void;
  allowNone?: boolean;
}) {
  const { kit } = useEditor();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const palette = kit?.palette ?? [];
  const inPalette = [...palette, ...NEUTRALS].some((p) => p.hex.toLowerCase() === value?.toLowerCase());
  return (
    <div className="color-picker" data-testid={`color-${label.toLowerCase()}`}>
      <div className="field-label">
        {label}
        {value && !inPalette && palette.length > 0 && (
          <span className="off-brand" title="Not in the brand palette">
            off-brand
          </span>
        )}
      </div>
      <div className="swatches" role="listbox" aria-label={`${label} brand colours`}>
        {palette.map((p) => (
          <button
            key={p.hex}
            type="button"
            role="option"
            aria-selected={p.hex.toLowerCase() === value?.toLowerCase()}
            className={`swatch${p.hex.toLowerCase() === value?.toLowerCase() ? ' selected' : ''}`}
            style={{ background: p.hex }}
            title={`${p.name} ${p.hex}`}
            aria-label={p.name}
            onClick={() => onChange(p.hex)}
          />
        ))}
        <span className="swatch-sep" aria-hidden="true" />
        {NEUTRALS.map((n) => (
          <button
            key={n.hex}
            type="button"
            role="option"
            aria-selected={n.hex === value?.toLowerCase()}
            className={`swatch${n.hex === value?.toLowerCase() ? ' selected' : ''}`}
            style={{ background: n.hex }}
            title={`${n.name} ${n.hex}`}
            aria-label={n.name}
            onClick={() => onChange(n.hex)}
          />
        ))}
        {allowNone && (
          <button
            type="button"
            className={`swatch swatch-none${!value ? ' selected' : ''}`}
            title="None"
            aria-label="None"
            onClick={() => onChange(undefined)}
          />
        )}
      </div>
      <div className="color-custom">
        <input
          type="color"
          aria-label={`${label} custom colour`}
          value={value && HEX.test(value) ? value : '#000000'}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          className="hex-input"
          aria-label={`${label} hex`}
          value={text}
          placeholder="#000000"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => (HEX.test(text) ? onChange(text.toLowerCase()) : setText(value ?? ''))}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </div>
    </div>
  );
}
