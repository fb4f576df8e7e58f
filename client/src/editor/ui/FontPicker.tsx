import { useEffect, useState } from 'react';
import { fontOptions } from '../engine/fonts.js';
import { loadUploadedFonts } from '../engine/render-fonts.js';
import { useEditor } from './context.js';

/** The families the brokerage uploaded to its brand kit (fetched once per page). */
function useUploadedFamilies(): string[] {
  const [families, setFamilies] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void loadUploadedFonts().then((faces) => live && setFamilies([...new Set(faces.map((f) => f.family))]));
    return () => {
      live = false;
    };
  }, []);
  return families;
}

/** Brand fonts first (with their roles), then other fonts. */
export function FontPicker({ value, onChange }: { value: string; onChange: (family: string) => void }) {
  const { kit } = useEditor();
  const options = fontOptions(kit, useUploadedFamilies());
  const brand = options.filter((o) => o.brand);
  const uploaded = options.filter((o) => o.uploaded);
  const other = options.filter((o) => !o.brand && !o.uploaded);
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
        {uploaded.length > 0 && (
          <optgroup label="Uploaded brand fonts">
            {uploaded.map((o) => (
              <option key={o.family} value={o.family}>
                {o.family}
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
