import './score-ring.css';
import { BAND_LABEL, bandColor, displayScore, ringDash, scoreBand } from '../format.js';
import { useChangeFlash, useTweened } from './hooks.js';

/** A small ring gauge (0–100) coloured by band; eases to new values and flashes on a change. */
export function ScoreRing({
  score,
  size = 34,
  stroke = 4,
  label,
  testId,
}: {
  score: number | null;
  size?: number;
  stroke?: number;
  label?: string;
  testId?: string;
}) {
  const shown = useTweened(score);
  const flash = useChangeFlash(score);
  const r = (size - stroke) / 2;
  const { dash, gap } = ringDash(shown, r);
  const color = bandColor(shown);
  return (
    <span
      className={`score-ring band-${scoreBand(score)}${flash ? ` flash-${flash}` : ''}`}
      style={{ width: size, height: size }}
      data-testid={testId}
      data-score={score === null ? '' : Math.round(score)}
      role="img"
      aria-label={`${label ? `${label} ` : ''}score ${displayScore(score)} of 100, ${BAND_LABEL[scoreBand(score)]}`}
    >
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="#e2e8f0" strokeWidth={stroke} />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke={color}
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={`${dash} ${gap}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      <span className="score-ring-value" style={{ color }}>
        {displayScore(shown)}
      </span>
    </span>
  );
}
