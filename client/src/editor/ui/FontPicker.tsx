import { fontOptions } from '../engine/fonts.js';
import { useEditor } from './context.js';

/** Brand fonts first (with their roles), then other fonts. */
export function FontPicker({ value, onChange }: { value: string; onChange: (family: string) => void }) {
  const { kit } = useEditor();
  const options = fontOptions(kit);
  const brand = options.filter((o) => o.brand);
  const other = options.filter((o) => !o.brand);
  const known = options.some((o) => o.family === value);
  return (
    <label className="field">
      <span>Font</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="font-family">
        {!known && <option value={value}>{value}</option>}
        {brand.length > 0 && (
          <optgroup label="Brand fonts">
            {brand.map((o) => (
              <option key={o.family} value={o.family}>
                {o.family} — {o.roles.join(', ')}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={brand.length ? 'Other fonts (off-brand)' : 'Fonts'}>
          {other.map((o) => (
            <option key={o.family} value={o.family}>
              {o.family}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
