import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { RULE_PACKS, type BrandKit, type BrandLogo } from '../../../../shared/brand/index.js';
import { api, errorMessage } from '../../api.js';
import { useUser } from '../../auth.js';
import { fontStack } from '../../editor/engine/fonts.js';
import { activePacks, dosAndDonts, formatRatio, PACK_LABEL, PACK_SUMMARY, rgbTriplet, textPairings } from './guide.js';
import './brand.css';

function Swatch({ color, palette }: { color: BrandKit['palette'][number]; palette: BrandKit['palette'] }) {
  const pairs = textPairings(color.hex, palette);
  const legible = pairs.filter((p) => p.aaLarge);
  return (
    <li className="bg-swatch" data-testid="guide-swatch">
      <div className="bg-swatch-color" style={{ background: color.hex }}>
        {pairs[0] && (
          <span style={{ color: pairs[0].hex }} className="bg-swatch-aa">
            Aa
          </span>
        )}
      </div>
      <div className="bg-swatch-info">
        <strong>{color.name}</strong>
        <dl>
          <div>
            <dt>HEX</dt>
            <dd>{color.hex.toUpperCase()}</dd>
          </div>
          <div>
            <dt>RGB</dt>
            <dd>{rgbTriplet(color.hex)}</dd>
          </div>
        </dl>
        <div className="bg-pairs">
          <span className="bg-pairs-title">Text on {color.name}</span>
          {legible.length === 0 && <span className="muted">No palette colour is legible on it — use it for shapes only.</span>}
          <ul>
            {legible.map((p) => (
              <li key={p.hex} title={`${p.name} on ${color.name}: ${formatRatio(p.ratio)}`}>
                <span className={`bg-pair-chip${p.aa ? '' : ' large'}`} style={{ background: color.hex, color: p.hex }}>
                  Aa
                </span>
                <span className="bg-pair-name">{p.name}</span>
                <span className={`bg-pair-grade ${p.aa ? 'aa' : 'large'}`}>{p.aa ? 'AA' : 'AA large'}</span>
                <span className="bg-pair-ratio">{formatRatio(p.ratio)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
}

const ROLE_TITLE = { heading: 'Headings', body: 'Body copy', disclaimer: 'Disclaimers & fine print' } as const;
const SPECIMEN = {
  heading: 'Your next chapter starts here',
  body: 'Light-filled rooms, a quiet street and a kitchen made for gathering.',
  disclaimer: 'Information deemed reliable but not guaranteed. Equal Housing Opportunity.',
} as const;

function Fonts({ kit }: { kit: BrandKit }) {
  return (
    <ul className="bg-fonts">
      {kit.fonts.map((f, i) => (
        <li key={i} className="bg-font" data-testid="guide-font">
          <div className="bg-font-head">
            <span className="bg-role">{ROLE_TITLE[f.role]}</span>
            <span className="bg-font-family" style={{ fontFamily: fontStack(f.family) }}>
              {f.family}
            </span>
            <span className="muted">
              Weights {f.weights.join(', ')} · minimum {f.minSize}px
            </span>
          </div>
          <p
            className="bg-specimen"
            style={{
              fontFamily: fontStack(f.family),
              fontWeight: f.weights.at(-1),
              fontSize: f.role === 'heading' ? 30 : f.role === 'body' ? 18 : 13,
            }}
          >
            {SPECIMEN[f.role]}
          </p>
          <p className="bg-minsize" style={{ fontFamily: fontStack(f.family), fontWeight: f.weights[0], fontSize: f.minSize }}>
            Smallest allowed: {f.minSize}px — {SPECIMEN[f.role]}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The logo with its clear space drawn around it, to scale. */
function LogoDiagram({ logo }: { logo: BrandLogo }) {
  const h = 110;
  const w = h * logo.aspect;
  const pad = logo.clearSpace * h;
  const W = w + pad * 2;
  const H = h + pad * 2;
  const m = 30;
  return (
    <figure className="bg-logo-figure" data-testid="guide-logo">
      <svg
        viewBox={`0 0 ${W + m * 2} ${H + m * 2}`}
        width={W + m * 2}
        height={H + m * 2}
        role="img"
        aria-label={`${logo.name} with its clear space`}
      >
        <defs>
          <pattern id={`hatch-${logo.id}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="8" stroke="#f59e0b" strokeWidth="2" opacity="0.35" />
          </pattern>
        </defs>
        <rect x={m} y={m} width={W} height={H} fill={`url(#hatch-${logo.id})`} stroke="#d97706" strokeDasharray="5 4" />
        <rect x={m + pad} y={m + pad} width={w} height={h} fill="#fff" />
        <image href={logo.src} x={m + pad} y={m + pad} width={w} height={h} preserveAspectRatio="xMidYMid meet" />
        <rect x={m + pad} y={m + pad} width={w} height={h} fill="none" stroke="#94a3b8" strokeWidth="0.75" />
        {pad > 0 && (
          <g className="bg-dim" fontSize="11" fill="#92400e">
            <line x1={m} y1={m - 10} x2={m + pad} y2={m - 10} stroke="#92400e" />
            <text x={m + pad / 2} y={m - 15} textAnchor="middle">
              {Math.round(logo.clearSpace * 100)}% h
            </text>
            <line x1={m - 10} y1={m + pad} x2={m - 10} y2={m + pad + h} stroke="#475569" />
            <text x={m - 14} y={m + pad + h / 2} textAnchor="middle" fill="#475569" transform={`rotate(-90 ${m - 14} ${m + pad + h / 2})`}>
              h
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <strong>{logo.name}</strong>
        <span>Clear space: {Math.round(logo.clearSpace * 100)}% of the logo's height on every side (hatched).</span>
        <span>
          Minimum width: {logo.minWidth}px ({(logo.minWidth / 96).toFixed(2)}″ in print).
        </span>
        <span>Proportions: {logo.aspect.toFixed(2)} : 1 — never stretched (1% tolerance).</span>
      </figcaption>
    </figure>
  );
}

export function BrandGuidePage() {
  const user = useUser();
  const [kit, setKit] = useState<BrandKit | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .brandKit()
      .then(setKit)
      .catch((err) => setError(errorMessage(err)));
  }, []);
  const canEdit = user.role !== 'agent';
  return (
    <div className="app-page-body">
      <main className="bg-main" data-testid="brand-guide">
        {error && <div className="form-error">{error}</div>}
        {!kit && !error && (
          <div className="page-loading inline">
            <div className="spinner" />
          </div>
        )}
        {kit && <Guide kit={kit} canEdit={canEdit} />}
      </main>
    </div>
  );
}

function Guide({ kit, canEdit }: { kit: BrandKit; canEdit: boolean }) {
  const { dos, donts } = dosAndDonts(kit);
  const packs = activePacks(kit);
  const heading = kit.fonts.find((f) => f.role === 'heading') ?? kit.fonts[0];
  return (
    <>
      <header className="bg-hero" style={{ background: kit.palette[0]?.hex }}>
        <div>
          <span className="bg-eyebrow">Brand guidelines</span>
          <h1 style={{ fontFamily: heading ? fontStack(heading.family) : undefined }}>{kit.brokerageLegalName}</h1>
          {kit.voice && <p className="bg-voice">“{kit.voice}”</p>}
        </div>
        <div className="bg-hero-actions no-print">
          {canEdit && (
            <Link className="btn" to="/brand-kit">
              Edit brand kit
            </Link>
          )}
          <button className="btn btn-primary" onClick={() => window.print()}>
            Print / save as PDF
          </button>
        </div>
        <div className="bg-hero-strip" aria-hidden="true">
          {kit.palette.map((p) => (
            <span key={p.hex + p.name} style={{ background: p.hex }} />
          ))}
        </div>
      </header>

      <section className="bg-section">
        <h2>Colour palette</h2>
        <p className="bg-lede">
          Every colour in a design should come from this palette. Each card lists the text colours that stay legible on it (WCAG AA: 4.5:1
          for body text, 3:1 for large text).
        </p>
        <ul className="bg-swatches">
          {kit.palette.map((p) => (
            <Swatch key={p.hex + p.name} color={p} palette={kit.palette} />
          ))}
        </ul>
      </section>

      <section className="bg-section">
        <h2>Typography</h2>
        <p className="bg-lede">Approved typefaces by role, shown in the typeface itself, with the smallest size each may be set at.</p>
        <Fonts kit={kit} />
      </section>

      <section className="bg-section">
        <h2>Logo usage</h2>
        <p className="bg-lede">Use the approved artwork only. Keep the hatched area free of text, photos and other marks.</p>
        {kit.logos.length === 0 ? (
          <p className="muted">No logo has been added to the brand kit yet.</p>
        ) : (
          kit.logos.map((l) => <LogoDiagram key={l.id} logo={l} />)
        )}
        <div className="bg-eho">
          <img src={kit.ehoMark.src} alt="Equal Housing Opportunity logo" width={72} height={72} />
          <div>
            <strong>Equal Housing Opportunity</strong>
            <p>
              Every piece shows the Equal Housing Opportunity logo or the words “Equal Housing Opportunity”.{' '}
              {kit.ehoMark.severity === 'error' ? <b>A design without it cannot be approved.</b> : 'A design without it gets a warning.'}
            </p>
          </div>
        </div>
      </section>

      <section className="bg-section">
        <h2>Required disclaimers</h2>
        {kit.disclaimers.length === 0 ? (
          <p className="muted">No disclaimers are required.</p>
        ) : (
          <ul className="bg-disclaimers">
            {kit.disclaimers.map((d) => (
              <li key={d.id}>
                <span className="tag-pack">{d.pack === 'federal' ? 'All ads' : d.pack}</span>
                <p style={{ fontFamily: fontStack(kit.fonts.find((f) => f.role === 'disclaimer')?.family ?? 'Inter') }}>{d.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="bg-section">
        <h2>Advertising rules</h2>
        <p className="bg-lede">Designs are checked live against these jurisdictions' advertising rules.</p>
        <ul className="bg-packs">
          {RULE_PACKS.map((p) => (
            <li key={p} className={packs.includes(p) ? 'on' : 'off'}>
              <strong>{PACK_LABEL[p]}</strong>
              <span className={`pack-state ${packs.includes(p) ? 'on' : 'off'}`}>{packs.includes(p) ? 'Applies' : 'Not used'}</span>
              <p>{PACK_SUMMARY[p]}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="bg-section bg-dos">
        <div>
          <h2 className="do">Do</h2>
          <ul>
            {dos.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="dont">Don't</h2>
          <ul>
            {donts.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      </section>
      <p className="bg-footer muted">
        Generated from the {kit.brokerageLegalName} brand kit · dates and times in {kit.timeZone.replace(/_/g, ' ')}
      </p>
    </>
  );
}
