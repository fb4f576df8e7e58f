import { useEffect, useRef, useState } from 'react';
import type { UploadedFont } from '../../../../shared/api/brand-fonts.js';
import { api, errorMessage } from '../../api.js';
import { forgetUploadedFonts } from '../../editor/engine/render-fonts.js';
import { fontStack } from '../../editor/engine/fonts.js';

const PREVIEW = 'Sunlit 4-bed on Maple Grove — $1,250,000';

/** Registers an uploaded face with the page so its preview (and the kit's previews) draw in it. */
function usePreviewFaces(fonts: UploadedFont[]): void {
  useEffect(() => {
    if (typeof FontFace === 'undefined') return;
    const faces = fonts.map((f) => new FontFace(f.family, `url(${f.url})`, { weight: String(f.weight), style: f.style }));
    for (const face of faces) {
      document.fonts.add(face);
      void face.load().catch(() => undefined);
    }
    return () => faces.forEach((face) => document.fonts.delete(face));
  }, [fonts]);
}

/**
 * Fonts the brand manager uploads (TTF, OTF or WOFF2): listed with a preview in the font, removable,
 * and offered (through `onFamilies`) wherever the kit's fonts are chosen.
 */
export function UploadedFonts({ canEdit, onFamilies }: { canEdit: boolean; onFamilies: (families: string[]) => void }) {
  const [fonts, setFonts] = useState<UploadedFont[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  usePreviewFaces(fonts);

  const show = (list: UploadedFont[]) => {
    setFonts(list);
    onFamilies([...new Set(list.map((f) => f.family))]);
  };
  useEffect(() => {
    api
      .brandFonts()
      .then((r) => show(r.fonts))
      .catch((err: unknown) => setError(errorMessage(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const font = await api.uploadBrandFont(file, file.name);
      forgetUploadedFonts();
      show([...fonts, font].sort((a, b) => a.family.localeCompare(b.family) || a.weight - b.weight));
      setNotice(`Added ${font.family} ${font.weight}${font.style === 'italic' ? ' italic' : ''} (${font.format.toUpperCase()}).`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (font: UploadedFont) => {
    setError(null);
    try {
      await api.deleteBrandFont(font.id);
      forgetUploadedFonts();
      show(fonts.filter((f) => f.id !== font.id));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="kit-uploaded-fonts" data-testid="kit-uploaded-fonts">
      {canEdit && (
        <label className="btn btn-small">
          {busy ? 'Uploading…' : '+ Upload font'}
          <input
            ref={input}
            type="file"
            hidden
            accept=".ttf,.otf,.woff2,font/ttf,font/otf,font/woff2"
            disabled={busy}
            data-testid="kit-upload-font"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
      )}
      {error && (
        <p className="kit-err" role="alert" data-testid="kit-font-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted" role="status" data-testid="kit-font-notice">
          {notice}
        </p>
      )}
      {fonts.length === 0 ? (
        <p className="muted">No fonts uploaded. The built-in families are available to every design.</p>
      ) : (
        <ul className="kit-fonts">
          {fonts.map((f) => (
            <li key={f.id} className="kit-font" data-testid="kit-uploaded-font">
              <div className="kit-font-preview" style={{ fontFamily: fontStack(f.family), fontWeight: f.weight, fontStyle: f.style }}>
                Aa
              </div>
              <div className="kit-uploaded-font">
                <div>
                  <strong>{f.family}</strong>{' '}
                  <span className="muted">
                    {f.weight}
                    {f.style === 'italic' ? ' italic' : ''} · {f.format.toUpperCase()}
                  </span>
                </div>
                <p
                  className="kit-uploaded-font-sample"
                  style={{ fontFamily: fontStack(f.family), fontWeight: f.weight, fontStyle: f.style }}
                >
                  {PREVIEW}
                </p>
              </div>
              {canEdit && (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Delete ${f.family} ${f.weight}`}
                  onClick={() => void remove(f)}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
