/** Small, dependency-free SVG charts for the dashboard: stacked bars, lines, horizontal bars. */
import { useState } from 'react';
import { niceMax } from '../review/format.js';

export interface Series {
  key: string;
  label: string;
  color: string;
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

function shortDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function Axis({ max, labels, format = String }: { max: number; labels: string[]; format?: (v: number) => string }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <g className="chart-axis">
      {ticks.map((t) => {
        const y = PAD.top + plotH - (t / max) * plotH;
        return (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="chart-grid" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end">
              {format(Math.round(t * 10) / 10)}
            </text>
          </g>
        );
      })}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text key={l} x={PAD.left + ((i + 0.5) / labels.length) * plotW} y={H - 8} textAnchor="middle">
            {shortDay(l)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <div className="chart-legend">
      {series.map((s) => (
        <span key={s.key}>
          <i style={{ background: s.color }} /> {s.label}
        </span>
      ))}
    </div>
  );
}

/** Stacked bars per day. */
export function StackedBars({ rows: input, series, title }: { rows: ReadonlyArray<object>; series: Series[]; title: string }) {
  const rows = input as ReadonlyArray<Record<string, number | string>>;
  const [hover, setHover] = useState<number | null>(null);
  const totals = rows.map((r) => series.reduce((n, s) => n + Number(r[s.key] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const bw = plotW / Math.max(1, rows.length);
  return (
    <figure className="chart" aria-label={title}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <Axis max={max} labels={rows.map((r) => String(r.date))} />
        {rows.map((r, i) => {
          let y = PAD.top + plotH;
          return (
            <g key={String(r.date)} onMouseEnter={() => setHover(i)} onMouseLeave={() => setHover(null)}>
              <rect x={PAD.left + i * bw} y={PAD.top} width={bw} height={plotH} fill="transparent" />
              {series.map((s) => {
                const h = (Number(r[s.key] ?? 0) / max) * plotH;
                y -= h;
                return h > 0 ? (
                  <rect key={s.key} x={PAD.left + i * bw + bw * 0.15} y={y} width={bw * 0.7} height={h} fill={s.color} rx={1.5} />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      {hover !== null && rows[hover] && (
        <div className="chart-tip">
          <strong>{shortDay(String(rows[hover]!.date))}</strong>
          {series.map((s) => (
            <span key={s.key}>
              {s.label}: {Number(rows[hover]![s.key] ?? 0)}
            </span>
          ))}
        </div>
      )}
      <Legend series={series} />
    </figure>
  );
}

/** Lines per day; null values leave gaps. */
export function Lines({
  rows,
  series,
  title,
  max: fixedMax,
  format,
}: {
  rows: ReadonlyArray<object>;
  series: Series[];
  title: string;
  max?: number;
  format?: (v: number) => string;
}) {
  const cells = rows as ReadonlyArray<Record<string, number | string | null>>;
  const values = cells.flatMap((r) => series.map((s) => r[s.key])).filter((v): v is number => typeof v === 'number');
  const max = fixedMax ?? niceMax(Math.max(0, ...values));
  const x = (i: number) => PAD.left + ((i + 0.5) / Math.max(1, rows.length)) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  return (
    <figure className="chart" aria-label={title}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <Axis max={max} labels={cells.map((r) => String(r.date))} format={format} />
        {series.map((s) => {
          const segments: string[] = [];
          let current = '';
          cells.forEach((r, i) => {
            const v = r[s.key];
            if (typeof v !== 'number') {
              if (current) segments.push(current);
              current = '';
              return;
            }
            current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.key}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={s.color} strokeWidth={2.2} strokeLinejoin="round" strokeLinecap="round" />
              ))}
              {cells.map((r, i) =>
                typeof r[s.key] === 'number' ? (
                  <circle key={i} cx={x(i)} cy={y(r[s.key] as number)} r={2.6} fill={s.color}>
                    <title>
                      {shortDay(String(r.date))} · {s.label}: {r[s.key]}
                    </title>
                  </circle>
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </figure>
  );
}

/** Horizontal bars, largest first (e.g. violations by rule). */
export function HBars({
  items,
  color,
  title,
  empty,
}: {
  items: Array<{ label: string; value: number }>;
  color: string;
  title: string;
  empty: string;
}) {
  if (items.length === 0) return <p className="muted chart-empty">{empty}</p>;
  const max = niceMax(Math.max(...items.map((i) => i.value)));
  return (
    <div className="hbars" role="list" aria-label={title}>
      {items.map((i) => (
        <div className="hbar" role="listitem" key={i.label}>
          <span className="hbar-label" title={i.label}>
            {i.label}
          </span>
          <span className="hbar-track">
            <span className="hbar-fill" style={{ width: `${(i.value / max) * 100}%`, background: color }} />
          </span>
          <span className="hbar-value">{i.value}</span>
        </div>
      ))}
    </div>
  );
}
