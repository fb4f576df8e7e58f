import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  EXTRA_PROTECTED_CLASSES,
  FONT_ROLES,
  RULE_PACKS,
  type BannedPhrase,
  type BrandFont,
  type BrandKit,
  type BrandLogo,
  type RulePack,
} from '../../../../shared/brand/index.js';
import { api, ApiError, errorMessage } from '../../api.js';
import { useUser } from '../../auth.js';
import { fontOptions, fontStack, ALL_WEIGHTS } from '../../editor/engine/fonts.js';
import { PROTECTED_CLASSES } from '../../../../shared/compliance/fair-housing/classes.js';
import { kitChanged, moveItem, serverFieldErrors, uniqueId, validateKit, type FieldErrors } from './kit-form.js';
import { PACK_LABEL, PACK_SUMMARY } from './guide.js';
import { fieldErrors, insightsApi } from '../scoring/api.js';
import { useToasts } from '../../toasts.js';
import { UploadedFonts } from './UploadedFonts.js';
import './brand.css';

const HEX = /^#[0-9a-fA-F]{6}$/;
const ROLE_NAME = { heading: 'Heading', body: 'Body', disclaimer: 'Disclaimer' } as const;

function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Los_Angeles',
    'America/Phoenix',
    'Pacific/Honolulu',
    'America/Anchorage',
  ];
  return all.includes(current) ? all : [current, ...all];
}

function Err({ errors, path }: { errors: FieldErrors; path: string }) {
  const m = errors[path];
  return m ? (
    <span className="kit-err" role="alert" data-testid={`error-${path}`}>
      {m}
    </span>
  ) : null;
}

function KitSection({
  title,
  hint,
  children,
  actions,
  id,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  actions?: ReactNode;
  id: string;
}) {
  return (
    <section className="kit-section" id={id}>
      <header>
        <div>
          <h2>{title}</h2>
          {hint && <p className="muted">{hint}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-btn kit-remove" aria-label={label} title={label} onClick={onClick}>
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        aria-hidden="true"
      >
        <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
      </svg>
    </button>
  );
}

function UploadButton({ label, onFile, busy, testId }: { label: string; onFile: (f: File) => void; busy: boolean; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => input.current?.click()} disabled={busy} data-testid={testId}>
        {busy ? <span className="spinner spinner-small" /> : null} {label}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </>
  );
}

export function BrandKitPage() {
  const user = useUser();
  const toasts = useToasts();
  const canEdit = user.role === 'brand_manager' || user.role === 'admin';
  const [uploadedFamilies, setUploadedFamilies] = useState<string[]>([]);
  const [saved, setSaved] = useState<BrandKit | null>(null);
  const [draft, setDraft] = useState<BrandKit | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api
      .brandKit()
      .then((k) => {
        setSaved(k);
        setDraft(structuredClone(k));
      })
      .catch((err) => setLoadError(errorMessage(err)));
  }, []);

  const dirty = useMemo(() => !!draft && !!saved && kitChanged(draft, saved), [draft, saved]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loadError) {
    return (
      <div className="app-page-body">
        <main className="kit-main">
          <div className="form-error">{loadError}</div>
        </main>
      </div>
    );
  }
  if (!draft) {
    return (
      <div className="app-page-body">
        <div className="page-loading inline">
          <div className="spinner" />
        </div>
      </div>
    );
  }

  const update = (patch: Partial<BrandKit>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setAt = <K extends 'palette' | 'fonts' | 'logos' | 'disclaimers'>(key: K, i: number, patch: Partial<BrandKit[K][number]>) =>
    setDraft((d) => (d ? { ...d, [key]: d[key].map((x, j) => (j === i ? { ...x, ...patch } : x)) } : d));
  const removeAt = (key: 'palette' | 'fonts' | 'logos' | 'disclaimers', i: number) =>
    setDraft((d) => (d ? { ...d, [key]: d[key].filter((_, j) => j !== i) } : d));

  const upload = async (key: string, file: File) => {
    setUploading(key);
    try {
      return await api.uploadAsset(file, file.name);
    } catch (err) {
      toasts.show(errorMessage(err), 'error');
      return null;
    } finally {
      setUploading(null);
    }
  };

  const addLogo = async (file: File) => {
    const a = await upload('new-logo', file);
    if (!a) return;
    const name =
      file.name
        .replace(/\.[a-z]+$/i, '')
        .replace(/[-_]+/g, ' ')
        .trim() || 'Logo';
    setDraft((d) =>
      d
        ? {
            ...d,
            logos: [
              ...d.logos,
              {
                id: uniqueId(
                  name,
                  d.logos.map((l) => l.id),
                ),
                name: name.slice(0, 100),
                src: a.url,
                aspect: Math.round((a.width / a.height) * 1000) / 1000,
                minWidth: 120,
                clearSpace: 0.25,
              },
            ],
          }
        : d,
    );
  };

  const replaceLogo = async (i: number, file: File) => {
    const a = await upload(`logo-${i}`, file);
    if (a) setAt('logos', i, { src: a.url, aspect: Math.round((a.width / a.height) * 1000) / 1000 });
  };

  const save = async () => {
    const v = validateKit(draft);
    if (v.errors) {
      setErrors(v.errors);
      requestAnimationFrame(() => document.querySelector('.kit-err')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      toasts.show(
        `Fix ${Object.keys(v.errors).length === 1 ? 'the highlighted field' : `${Object.keys(v.errors).length} highlighted fields`} before saving.`,
        'error',
      );
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const k = await insightsApi.saveBrandKit(v.kit);
      setSaved(k);
      setDraft(structuredClone(k));
      toasts.show('Brand kit saved — every design is now checked against it.', 'success');
    } catch (err) {
      if (err instanceof ApiError) {
        const f = fieldErrors(err.details);
        if (f.length) {
          setErrors(serverFieldErrors(f));
          requestAnimationFrame(() => document.querySelector('.kit-err')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
        }
      }
      toasts.show(errorMessage(err), 'error');
    } finally {
      setSaving(false);
    }
  };

  const fonts = fontOptions(null, uploadedFamilies);
  const packs = new Set(draft.rulePacks);
  const banned = draft.bannedPhrases ?? [];
  const setBanned = (i: number, patch: Partial<BannedPhrase>) =>
    update({ bannedPhrases: banned.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const extra = new Set(draft.extraProtectedClasses ?? []);
  const togglePack = (p: RulePack) => {
    const next = new Set(packs);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    next.add('federal');
    update({ rulePacks: RULE_PACKS.filter((x) => next.has(x)) });
  };

  return (
    <div className="app-page-body">
      <main className="kit-main" data-testid="brand-kit-page">
        <div className="page-title-row">
          <div>
            <h1>Brand kit</h1>
            <p className="muted">Colours, type, logos and the rules every {draft.brokerageLegalName} design is checked against.</p>
          </div>
          <Link className="btn" to="/brandguide">
            View brand guidelines
          </Link>
        </div>
        {!canEdit && (
          <div className="kit-readonly" role="note">
            Only brand managers and admins can change the brand kit. You are seeing it read-only.
          </div>
        )}
        {errors.kit && <div className="form-error">{errors.kit}</div>}

        <fieldset disabled={!canEdit} className="kit-fieldset">
          <KitSection id="kit-brokerage" title="Brokerage" hint="The legal name appears in disclosures; the voice guides the assistant.">
            <div className="kit-grid-2">
              <label className="field">
                <span>Legal name</span>
                <input
                  value={draft.brokerageLegalName}
                  onChange={(e) => update({ brokerageLegalName: e.target.value })}
                  maxLength={200}
                  data-testid="kit-legal-name"
                />
                <Err errors={errors} path="brokerageLegalName" />
              </label>
              <label className="field">
                <span>Time zone</span>
                <select value={draft.timeZone} onChange={(e) => update({ timeZone: e.target.value })}>
                  {timeZones(draft.timeZone).map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
                <Err errors={errors} path="timeZone" />
              </label>
            </div>
            <label className="field">
              <span>Brand voice</span>
              <textarea
                className="kit-textarea"
                rows={2}
                value={draft.voice ?? ''}
                maxLength={1000}
                onChange={(e) => update({ voice: e.target.value || undefined })}
                placeholder="e.g. Warm, confident and plain-spoken; no hype."
              />
              <Err errors={errors} path="voice" />
            </label>
          </KitSection>

          <KitSection
            id="kit-palette"
            title="Palette"
            hint="Colours in designs are checked against these (ΔE2000: within 2 passes, up to 5 warns)."
            actions={
              <button
                type="button"
                className="btn btn-small"
                onClick={() => update({ palette: [...draft.palette, { name: `Colour ${draft.palette.length + 1}`, hex: '#888888' }] })}
                data-testid="kit-add-color"
              >
                + Add colour
              </button>
            }
          >
            <Err errors={errors} path="palette" />
            <ul className="kit-palette">
              {draft.palette.map((p, i) => (
                <li key={i} className="kit-color" data-testid="kit-color">
                  <label className="kit-color-well" style={{ background: HEX.test(p.hex) ? p.hex : '#fff' }} title="Pick a colour">
                    <input
                      type="color"
                      value={HEX.test(p.hex) ? p.hex.toLowerCase() : '#000000'}
                      onChange={(e) => setAt('palette', i, { hex: e.target.value })}
                      aria-label={`${p.name} colour`}
                    />
                  </label>
                  <div className="kit-color-fields">
                    <input
                      value={p.name}
                      onChange={(e) => setAt('palette', i, { name: e.target.value })}
                      aria-label="Colour name"
                      maxLength={60}
                      className="kit-input"
                    />
                    <Err errors={errors} path={`palette.${i}.name`} />
                    <input
                      value={p.hex}
                      onChange={(e) => setAt('palette', i, { hex: e.target.value.trim() })}
                      aria-label="Hex"
                      className="kit-input mono"
                      maxLength={7}
                      data-testid="kit-hex"
                    />
                    <Err errors={errors} path={`palette.${i}.hex`} />
                  </div>
                  <div className="kit-color-tools">
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label="Move left"
                      title="Move left"
                      disabled={i === 0}
                      onClick={() => update({ palette: moveItem(draft.palette, i, i - 1) })}
                    >
                      ‹
                    </button>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label="Move right"
                      title="Move right"
                      disabled={i === draft.palette.length - 1}
                      onClick={() => update({ palette: moveItem(draft.palette, i, i + 1) })}
                    >
                      ›
                    </button>
                    <RemoveButton label={`Remove ${p.name}`} onClick={() => removeAt('palette', i)} />
                  </div>
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection
            id="kit-fonts"
            title="Typography"
            hint="Approved families by role, with the smallest size allowed."
            actions={
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  update({
                    fonts: [...draft.fonts, { family: 'Inter', role: 'body', minSize: 11, weights: [400, 700] } satisfies BrandFont],
                  })
                }
              >
                + Add font
              </button>
            }
          >
            <Err errors={errors} path="fonts" />
            <datalist id="kit-font-families">
              {fonts.map((f) => (
                <option key={f.family} value={f.family} />
              ))}
            </datalist>
            <ul className="kit-fonts">
              {draft.fonts.map((f, i) => (
                <li key={i} className="kit-font" data-testid="kit-font">
                  <div className="kit-font-preview" style={{ fontFamily: fontStack(f.family), fontWeight: f.weights.at(-1) ?? 400 }}>
                    Aa
                  </div>
                  <div className="kit-font-fields">
                    <label className="field">
                      <span>Family</span>
                      <input
                        list="kit-font-families"
                        value={f.family}
                        onChange={(e) => setAt('fonts', i, { family: e.target.value })}
                        className="kit-input"
                      />
                      <Err errors={errors} path={`fonts.${i}.family`} />
                    </label>
                    <label className="field">
                      <span>Role</span>
                      <select value={f.role} onChange={(e) => setAt('fonts', i, { role: e.target.value as BrandFont['role'] })}>
                        {FONT_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_NAME[r]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="field">
                      <span>Minimum size (px)</span>
                      <input
                        type="number"
                        min={1}
                        max={500}
                        step={0.5}
                        value={Number.isFinite(f.minSize) ? f.minSize : ''}
                        onChange={(e) => setAt('fonts', i, { minSize: e.target.valueAsNumber })}
                      />
                      <Err errors={errors} path={`fonts.${i}.minSize`} />
                    </label>
                    <div className="field kit-weights">
                      <span>Weights</span>
                      <div className="kit-chips">
                        {ALL_WEIGHTS.concat(900)
                          .filter((w, j, a) => a.indexOf(w) === j)
                          .map((w) => {
                            const on = f.weights.includes(w);
                            return (
                              <button
                                type="button"
                                key={w}
                                className={`chip${on ? ' active' : ''}`}
                                aria-pressed={on}
                                style={{ fontFamily: fontStack(f.family), fontWeight: w }}
                                onClick={() =>
                                  setAt('fonts', i, {
                                    weights: on ? f.weights.filter((x) => x !== w) : [...f.weights, w].sort((a, b) => a - b),
                                  })
                                }
                              >
                                {w}
                              </button>
                            );
                          })}
                      </div>
                      <Err errors={errors} path={`fonts.${i}.weights`} />
                    </div>
                  </div>
                  <RemoveButton label={`Remove ${f.family} (${f.role})`} onClick={() => removeAt('fonts', i)} />
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection
            id="kit-uploaded-fonts"
            title="Fonts"
            hint="Upload your own brand fonts (TTF, OTF or WOFF2, up to 5 MB each, one file per weight and style). They can then be chosen in Typography and in the editor, and are embedded in every PDF."
          >
            <UploadedFonts canEdit={canEdit} onFamilies={setUploadedFamilies} />
          </KitSection>

          <KitSection
            id="kit-logos"
            title="Logos"
            hint="Upload the approved artwork; its proportions are taken from the file. Designs must keep the logo undistorted, at least the minimum width, with clear space around it."
            actions={
              canEdit && <UploadButton label="+ Upload logo" busy={uploading === 'new-logo'} onFile={addLogo} testId="kit-upload-logo" />
            }
          >
            {draft.logos.length === 0 && <p className="muted">No logos yet.</p>}
            <ul className="kit-logos">
              {draft.logos.map((l: BrandLogo, i) => (
                <li key={l.id} className="kit-logo" data-testid="kit-logo">
                  <div className="kit-logo-preview" style={{ padding: `${Math.min(40, l.clearSpace * 60)}px` }}>
                    <img src={l.src} alt={l.name} style={{ aspectRatio: String(l.aspect) }} />
                  </div>
                  <div className="kit-logo-fields">
                    <label className="field">
                      <span>Name</span>
                      <input
                        value={l.name}
                        onChange={(e) => setAt('logos', i, { name: e.target.value })}
                        className="kit-input"
                        maxLength={100}
                      />
                      <Err errors={errors} path={`logos.${i}.name`} />
                    </label>
                    <div className="kit-grid-2">
                      <label className="field">
                        <span>Minimum width (px)</span>
                        <input
                          type="number"
                          min={1}
                          value={Number.isFinite(l.minWidth) ? l.minWidth : ''}
                          onChange={(e) => setAt('logos', i, { minWidth: e.target.valueAsNumber })}
                          data-testid="kit-logo-minwidth"
                        />
                        <Err errors={errors} path={`logos.${i}.minWidth`} />
                      </label>
                      <label className="field">
                        <span>Clear space: {Math.round(l.clearSpace * 100)}% of height</span>
                        <input
                          type="range"
                          min={0}
                          max={1}
                          step={0.05}
                          value={l.clearSpace}
                          onChange={(e) => setAt('logos', i, { clearSpace: e.target.valueAsNumber })}
                        />
                        <Err errors={errors} path={`logos.${i}.clearSpace`} />
                      </label>
                    </div>
                    <div className="kit-logo-meta">
                      <span className="muted">Proportions {l.aspect.toFixed(2)} : 1 (from the file)</span>
                      <span className="spacer" />
                      {canEdit && <UploadButton label="Replace file" busy={uploading === `logo-${i}`} onFile={(f) => replaceLogo(i, f)} />}
                      <RemoveButton label={`Remove ${l.name}`} onClick={() => removeAt('logos', i)} />
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection id="kit-eho" title="Equal Housing Opportunity" hint="Every design must show the EHO logo or slogan.">
            <div className="kit-eho">
              <img src={draft.ehoMark.src} alt="Equal Housing Opportunity logo" width={56} height={56} />
              <div className="kit-radio" role="radiogroup" aria-label="When the mark is missing">
                <span className="field-label">When it is missing</span>
                {(['error', 'warning'] as const).map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name="eho"
                      checked={draft.ehoMark.severity === s}
                      onChange={() => update({ ehoMark: { ...draft.ehoMark, severity: s } })}
                    />
                    {s === 'error' ? 'Error — blocks approval' : 'Warning only'}
                  </label>
                ))}
              </div>
              <span className="spacer" />
              {canEdit && (
                <UploadButton
                  label="Replace mark"
                  busy={uploading === 'eho'}
                  onFile={async (f) => {
                    const a = await upload('eho', f);
                    if (a) update({ ehoMark: { ...draft.ehoMark, src: a.url } });
                  }}
                />
              )}
            </div>
          </KitSection>

          <KitSection
            id="kit-disclaimers"
            title="Required disclaimers"
            hint="Text every design must carry, at a legible size."
            actions={
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  update({
                    disclaimers: [
                      ...draft.disclaimers,
                      {
                        id: uniqueId(
                          'disclaimer',
                          draft.disclaimers.map((d) => d.id),
                        ),
                        text: '',
                        pack: 'federal',
                      },
                    ],
                  })
                }
              >
                + Add disclaimer
              </button>
            }
          >
            {draft.disclaimers.length === 0 && <p className="muted">No disclaimers are required.</p>}
            <ul className="kit-disclaimers">
              {draft.disclaimers.map((d, i) => (
                <li key={d.id}>
                  <div className="kit-disclaimer-fields">
                    <textarea
                      className="kit-textarea"
                      rows={2}
                      value={d.text}
                      maxLength={2000}
                      onChange={(e) => setAt('disclaimers', i, { text: e.target.value })}
                      aria-label="Disclaimer text"
                    />
                    <Err errors={errors} path={`disclaimers.${i}.text`} />
                  </div>
                  <select
                    value={d.pack}
                    onChange={(e) => setAt('disclaimers', i, { pack: e.target.value as RulePack })}
                    aria-label="Required by"
                  >
                    {RULE_PACKS.map((p) => (
                      <option key={p} value={p}>
                        {p === 'federal' ? 'All ads' : `${p} ads`}
                      </option>
                    ))}
                  </select>
                  <RemoveButton label="Remove disclaimer" onClick={() => removeAt('disclaimers', i)} />
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection
            id="kit-banned"
            title="Banned phrases"
            hint="Words your brokerage does not allow in ads, beyond Fair Housing law. Matched ignoring case, accents and punctuation; the fix offers your replacement."
            actions={
              <button
                type="button"
                className="btn btn-small"
                data-testid="kit-add-banned"
                onClick={() =>
                  update({
                    bannedPhrases: [
                      ...banned,
                      {
                        id: uniqueId(
                          'phrase',
                          banned.map((b) => b.id),
                        ),
                        phrase: '',
                        replacement: '',
                        severity: 'warning',
                      },
                    ],
                  })
                }
              >
                + Add phrase
              </button>
            }
          >
            {banned.length === 0 && <p className="muted">No banned phrases.</p>}
            <ul className="kit-disclaimers">
              {banned.map((b, i) => (
                <li key={b.id} data-testid="kit-banned">
                  <div className="kit-disclaimer-fields">
                    <input
                      className="kit-input"
                      value={b.phrase}
                      maxLength={200}
                      placeholder="Phrase"
                      aria-label="Banned phrase"
                      onChange={(e) => setBanned(i, { phrase: e.target.value })}
                    />
                    <Err errors={errors} path={`bannedPhrases.${i}.phrase`} />
                    <input
                      className="kit-input"
                      value={b.replacement ?? ''}
                      maxLength={200}
                      placeholder="Say instead (empty removes it)"
                      aria-label="Replacement"
                      onChange={(e) => setBanned(i, { replacement: e.target.value })}
                    />
                    <input
                      className="kit-input"
                      value={b.reason ?? ''}
                      maxLength={500}
                      placeholder="Why (shown to agents)"
                      aria-label="Reason"
                      onChange={(e) => setBanned(i, { reason: e.target.value || undefined })}
                    />
                  </div>
                  <select
                    value={b.severity}
                    aria-label="Severity"
                    onChange={(e) => setBanned(i, { severity: e.target.value as 'error' | 'warning' })}
                  >
                    <option value="warning">Warning</option>
                    <option value="error">Error (blocks approval)</option>
                  </select>
                  <RemoveButton label="Remove phrase" onClick={() => update({ bannedPhrases: banned.filter((_, j) => j !== i) })} />
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection
            id="kit-extra-classes"
            title="Extra protected classes"
            hint="Classes a local ordinance or your own policy protects on top of the jurisdictions below: Fair Housing wording about them is flagged as in a state that protects them."
          >
            <ul className="kit-packs">
              {EXTRA_PROTECTED_CLASSES.map((c) => (
                <li key={c}>
                  <label className={`kit-pack${extra.has(c) ? ' on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={extra.has(c)}
                      data-testid={`kit-class-${c}`}
                      onChange={() =>
                        update({ extraProtectedClasses: EXTRA_PROTECTED_CLASSES.filter((x) => (x === c ? !extra.has(c) : extra.has(x))) })
                      }
                    />
                    <span>
                      <strong>{PROTECTED_CLASSES[c].label}</strong>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </KitSection>

          <KitSection
            id="kit-packs"
            title="Jurisdictions"
            hint="The advertising rules designs are checked against. Federal rules always apply."
          >
            <ul className="kit-packs">
              {RULE_PACKS.map((p) => (
                <li key={p}>
                  <label className={`kit-pack${packs.has(p) || p === 'federal' ? ' on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={p === 'federal' || packs.has(p)}
                      disabled={p === 'federal'}
                      onChange={() => togglePack(p)}
                      data-testid={`kit-pack-${p}`}
                    />
                    <span>
                      <strong>{PACK_LABEL[p]}</strong>
                      <span className="muted">{PACK_SUMMARY[p]}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <Err errors={errors} path="rulePacks" />
          </KitSection>
        </fieldset>

        {canEdit && (
          <div className={`kit-savebar${dirty ? ' dirty' : ''}`}>
            <span>{dirty ? 'You have unsaved changes.' : 'All changes saved.'}</span>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-ghost"
              disabled={!dirty || saving}
              onClick={() => {
                setDraft(structuredClone(saved));
                setErrors({});
              }}
            >
              Discard
            </button>
            <button type="button" className="btn btn-primary" disabled={!dirty || saving} onClick={save} data-testid="kit-save">
              {saving && <span className="spinner spinner-small" />} Save brand kit
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
